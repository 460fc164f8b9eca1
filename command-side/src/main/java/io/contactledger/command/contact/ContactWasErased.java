package io.contactledger.command.contact;

/** A command on a contact whose personal data was erased (409, {@code erased: true}): it takes none any more. */
public class ContactWasErased extends RuntimeException {

    public ContactWasErased(String contactId) {
        super("contact " + contactId + " was erased");
    }
}
