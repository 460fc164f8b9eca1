package io.contactledger.command.dispatch;

/** A command's answer that names the version of its aggregate after the command. */
public interface Versioned {
    long version();
}
