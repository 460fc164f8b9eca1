package io.contactledger.query.profile;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Optional;
import java.util.function.Predicate;

import io.contactledger.query.events.ContactEvents;
import io.contactledger.query.web.NotFound;
import org.axonframework.eventhandling.DomainEventMessage;
import org.springframework.stereotype.Component;

/**
 * The profile as it stood at an instant or a version, folded from the event store with the same
 * {@link ProfileFold} as the live projection: from the nearest checkpoint below it when there is
 * one (a long history costs at most a checkpoint's interval of events), else from the first event.
 */
@Component
public class AsOfReplay {

    /**
     * A checkpoint serves an instant only when its last change is this much older: events carry
     * their command-side instance's clock, and a fold from the start stops at the first event past
     * the instant, so a checkpoint must not hold an event that clock skew placed after it.
     */
    private static final Duration CLOCK_SKEW_ALLOWANCE = Duration.ofMinutes(1);

    private final ContactEvents events;
    private final ProfileStore store;

    public AsOfReplay(ContactEvents events, ProfileStore store) {
        this.events = events;
        this.store = store;
    }

    public ContactProfile asOf(String workspaceId, String contactId, Instant instant) {
        Instant settled = instant.isBefore(Instant.MIN.plus(CLOCK_SKEW_ALLOWANCE)) ? Instant.MIN
                : instant.minus(CLOCK_SKEW_ALLOWANCE);
        Optional<ProfileStore.Checkpoint> from = store.checkpoint(workspaceId, contactId, Long.MAX_VALUE, settled);
        return foldWhile(workspaceId, contactId, from, event -> !event.getTimestamp().isAfter(instant),
                "contact " + contactId + " did not exist at " + instant);
    }

    /** Versions past the last event give the latest profile: that is how it stands at that version. */
    public ContactProfile atVersion(String workspaceId, String contactId, long version) {
        Optional<ProfileStore.Checkpoint> from = store.checkpoint(workspaceId, contactId, version, Instant.MAX);
        return foldWhile(workspaceId, contactId, from, event -> event.getSequenceNumber() <= version,
                "contact " + contactId + " has no version " + version);
    }

    private ContactProfile foldWhile(String workspaceId, String contactId, Optional<ProfileStore.Checkpoint> checkpoint,
            Predicate<DomainEventMessage<?>> included, String notFound) {
        ContactProfile profile = checkpoint.map(ProfileStore.Checkpoint::profile).orElse(null);
        Iterator<? extends DomainEventMessage<?>> history = events.from(workspaceId, contactId,
                checkpoint.map(c -> c.version() + 1).orElse(0L));
        boolean any = checkpoint.isPresent();
        while (history.hasNext()) {
            DomainEventMessage<?> event = history.next();
            any = true;
            if (!included.test(event)) {
                break;
            }
            profile = ProfileFold.apply(profile, event);
        }
        if (!any && !events.exists(workspaceId, contactId)) {
            throw new NotFound("contact " + contactId + " not found");
        }
        if (profile == null) {
            throw new NotFound(notFound);
        }
        return profile;
    }
}
