package io.contactledger.command.contact;

/** A merge the rules refuse (409): the same contact twice, a contact merged before, two customer IDs, too many tags. */
public class MergeRefused extends RuntimeException {

    public MergeRefused(String message) {
        super(message);
    }
}
