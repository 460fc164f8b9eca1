package io.contactledger.query.profile;

/** The version of a profile as the read model stores it. */
@FunctionalInterface
public interface StoredVersions {

    /** The stored version, or -1 when the read model has no such profile. */
    long versionOf(String workspaceId, String contactId);
}
