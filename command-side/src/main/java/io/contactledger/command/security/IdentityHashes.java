package io.contactledger.command.security;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.contactledger.support.security.SignedToken;
import io.contactledger.command.CommandSideSettings;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Identity verification for widget links: the business backend gives the widget
 * {@code identityHash} = lower-case hex HMAC-SHA256(workspace identity secret, customerId).
 * Secrets come from {@code LEDGER_IDENTITY_SECRETS} ({@code workspace:secret}, several per
 * workspace while one is rotated out).
 */
@Component
public class IdentityHashes {

    private final Map<String, List<String>> secrets = new HashMap<>();

    @Autowired
    IdentityHashes(CommandSideSettings settings) {
        this(settings.security().identitySecrets());
    }

    IdentityHashes(String configured) {
        for (String entry : configured.split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            int colon = entry.indexOf(':');
            if (colon < 1 || colon == entry.length() - 1) {
                throw new IllegalStateException("LEDGER_IDENTITY_SECRETS entries are workspace:secret");
            }
            secrets.computeIfAbsent(entry.substring(0, colon).strip(), ws -> new ArrayList<>()).add(entry.substring(colon + 1).strip());
        }
    }

    public void verify(String workspaceId, String customerId, String identityHash) {
        if (identityHash == null || customerId == null) {
            throw new AccessRefused("a widget links a customer ID only with its identityHash");
        }
        byte[] given = identityHash.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        boolean valid = false;
        for (String secret : secrets.getOrDefault(workspaceId, List.of())) {
            byte[] expected = HexFormat.of().formatHex(SignedToken.hmacSha256(secret, customerId)).getBytes(StandardCharsets.US_ASCII);
            valid |= SignedToken.sameBytes(expected, given);
        }
        if (!valid) {
            throw new AccessRefused("the identityHash does not verify this customer ID");
        }
    }
}
