package io.contactledger.query.web;

/** A contact merged into another (410, naming the survivor): it lives on there. */
public class MergedAway extends RuntimeException {

    private final String survivorId;

    public MergedAway(String contactId, String survivorId) {
        super("contact " + contactId + " was merged into " + survivorId);
        this.survivorId = survivorId;
    }

    public String survivorId() {
        return survivorId;
    }
}
