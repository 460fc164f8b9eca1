package io.contactledger.command.claims;

/** Another contact of the workspace already holds this customer ID. */
public class CustomerIdClaimed extends RuntimeException {

    private final String existingContactId;

    public CustomerIdClaimed(String customerId, String existingContactId) {
        super("customer ID " + customerId + " is linked to contact " + existingContactId);
        this.existingContactId = existingContactId;
    }

    public String existingContactId() {
        return existingContactId;
    }
}
