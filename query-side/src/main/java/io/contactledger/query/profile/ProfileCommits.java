package io.contactledger.query.profile;

import java.util.List;

/**
 * Told after the projection committed profiles in this instance, so what follows the read model
 * (the live streams) need not wait for its next poll. Implemented outside this package.
 */
public interface ProfileCommits {

    void committed(List<ProfileChange> changes);
}
