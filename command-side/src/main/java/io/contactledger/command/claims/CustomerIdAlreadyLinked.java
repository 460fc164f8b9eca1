package io.contactledger.command.claims;

/** The contact is linked to a different customer ID; a link is never moved. */
public class CustomerIdAlreadyLinked extends RuntimeException {

    public CustomerIdAlreadyLinked(String contactId) {
        super("contact " + contactId + " is already linked to a different customer ID");
    }
}
