package io.contactledger.query.profile;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** The version of a profile as the read model stores it. */
@FunctionalInterface
public interface StoredVersions {

    /** The stored version, or -1 when the read model has no such profile. */
    long versionOf(String workspaceId, String contactId);

    /** The stored versions of many contacts of one workspace; absent ones are left out. */
    default Map<String, Long> versionsOf(String workspaceId, Collection<String> contactIds) {
        Map<String, Long> versions = new HashMap<>();
        for (String contactId : contactIds) {
            long version = versionOf(workspaceId, contactId);
            if (version >= 0) {
                versions.put(contactId, version);
            }
        }
        return versions;
    }
}
