package io.contactledger.command.contact;

/** A command on a contact that was merged into another (409, naming the survivor). */
public class ContactMergedAway extends RuntimeException {

    private final String survivorId;

    public ContactMergedAway(String contactId, String survivorId) {
        super("contact " + contactId + " was merged into " + survivorId);
        this.survivorId = survivorId;
    }

    public String survivorId() {
        return survivorId;
    }
}
