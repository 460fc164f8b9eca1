package io.contactledger.command.security;

import java.util.Optional;

import io.contactledger.command.identity.ContactRef;
import io.contactledger.support.security.Caller;
import io.contactledger.support.security.Role;
import org.springframework.stereotype.Component;

/**
 * What a widget key may do beyond its role (DESIGN §6): act only on a contact it created, proven by
 * the visitor token it got for it, and link a customer ID only with the business's identity hash.
 * Other roles pass: their endpoints are decided by role alone.
 */
@Component
public class WidgetAccess {

    private final VisitorTokens visitorTokens;
    private final IdentityHashes identityHashes;

    WidgetAccess(VisitorTokens visitorTokens, IdentityHashes identityHashes) {
        this.visitorTokens = visitorTokens;
        this.identityHashes = identityHashes;
    }

    /** The token a widget gets for a contact it just created; none for other callers. */
    public Optional<String> tokenFor(Caller caller, ContactRef created) {
        return isWidget(caller) ? Optional.of(visitorTokens.issue(created, caller.name())) : Optional.empty();
    }

    public void checkContact(Caller caller, ContactRef contact, String visitorToken) {
        if (isWidget(caller)) {
            visitorTokens.verify(visitorToken, contact, caller.name());
        }
    }

    public void checkLink(Caller caller, ContactRef contact, String visitorToken, String customerId, String identityHash) {
        if (isWidget(caller)) {
            visitorTokens.verify(visitorToken, contact, caller.name());
            identityHashes.verify(contact.workspaceId(), customerId, identityHash);
        }
    }

    public static boolean isWidget(Caller caller) {
        return caller.role() == Role.WIDGET;
    }
}
