package io.contactledger.query.web;

/** A contact whose personal data was erased (410, {@code erased: true}): there is no profile to show. */
public class Erased extends RuntimeException {

    public Erased(String contactId) {
        super("contact " + contactId + " was erased");
    }
}
