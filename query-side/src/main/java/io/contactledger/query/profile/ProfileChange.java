package io.contactledger.query.profile;

import io.contactledger.events.ContactType;

/** The projection stored {@code version} of a contact at {@code projectedAt} (epoch ms). */
public record ProfileChange(String workspaceId, String contactId, long version, ContactType type, long projectedAt) {

    public static ProfileChange of(ContactProfile profile, long projectedAt) {
        return new ProfileChange(profile.workspaceId(), profile.contactId(), profile.version(), profile.type(), projectedAt);
    }
}
