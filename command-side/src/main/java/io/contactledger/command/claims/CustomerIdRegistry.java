package io.contactledger.command.claims;

import io.contactledger.command.identity.ContactRef;

/** Customer IDs are unique per workspace: a contact claims one before it is linked. */
public interface CustomerIdRegistry {

    /**
     * Claims {@code customerId} for the contact within the current transaction.
     *
     * @throws CustomerIdClaimed when another contact of the workspace holds it
     */
    void claim(ContactRef contact, String customerId);

    /** The contact of the workspace that holds {@code customerId}, if one does. */
    java.util.Optional<String> holderOf(String workspaceId, String customerId);

    /**
     * Moves the claim on {@code customerId} from one contact to another within the current
     * transaction (a merge); fails if {@code from} does not hold it any more.
     */
    void transfer(String workspaceId, String customerId, String from, String to);

    /** Releases any customer ID the contact holds, within the current transaction (an erasure). */
    void release(ContactRef contact);
}
