package io.contactledger.query.webhooks;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

import io.contactledger.query.QuerySideSettings;
import org.springframework.stereotype.Component;

/**
 * Where deliveries may go (DESIGN §10): http or https, no credentials in the URL, and a host that
 * resolves only to public addresses: loopback, private, link-local, unique-local, wildcard and
 * multicast addresses are refused unless LEDGER_WEBHOOK_ALLOW_PRIVATE=true, so a subscription
 * cannot make this service call into its own network. Checked when a subscription is saved and
 * again before every delivery (the name may resolve elsewhere by then).
 */
@Component
class WebhookUrls {

    static final int MAX_LENGTH = 2_000;

    private final boolean allowPrivate;

    @org.springframework.beans.factory.annotation.Autowired
    WebhookUrls(QuerySideSettings settings) {
        this(settings.webhooks().allowPrivate());
    }

    WebhookUrls(boolean allowPrivate) {
        this.allowPrivate = allowPrivate;
    }

    /** Why this URL may not be used, if it may not. */
    Optional<String> refusal(String url) {
        if (url == null || url.isBlank() || url.length() > MAX_LENGTH) {
            return Optional.of("must be an http or https URL of at most " + MAX_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            return Optional.of("must be an http or https URL with a host");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("must not carry credentials");
        }
        if (allowPrivate) {
            return Optional.empty();
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(uri.getHost())) {
                if (isPrivate(address)) {
                    return Optional.of("resolves to a loopback, private or link-local address"
                            + " (LEDGER_WEBHOOK_ALLOW_PRIVATE=true allows it)");
                }
            }
        } catch (UnknownHostException e) {
            return Optional.of("names a host that does not resolve");
        }
        return Optional.empty();
    }

    static boolean isPrivate(InetAddress address) {
        if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet6Address) {
            return (bytes[0] & 0xFE) == 0xFC; // unique local fc00::/7
        }
        int first = bytes[0] & 0xFF;
        int second = bytes[1] & 0xFF;
        // carrier-grade NAT 100.64/10 and "this network" 0/8: not reachable from outside either
        return first == 0 || first == 100 && (second & 0xC0) == 64;
    }
}
