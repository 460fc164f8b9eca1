package io.contactledger.query.profile;

import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;

import io.contactledger.query.events.ContactEvents;
import io.contactledger.query.web.NotFound;
import org.axonframework.eventhandling.DomainEventMessage;
import org.springframework.stereotype.Component;

/**
 * The profile as it stood at an instant or a version, folded from the event store with the same
 * {@link ProfileFold} as the live projection.
 */
@Component
public class AsOfReplay {

    private final ContactEvents events;

    public AsOfReplay(ContactEvents events) {
        this.events = events;
    }

    public ContactProfile asOf(String workspaceId, String contactId, Instant instant) {
        return foldWhile(workspaceId, contactId, event -> !event.getTimestamp().isAfter(instant),
                "contact " + contactId + " did not exist at " + instant);
    }

    /** Versions past the last event give the latest profile: that is how it stands at that version. */
    public ContactProfile atVersion(String workspaceId, String contactId, long version) {
        return foldWhile(workspaceId, contactId, event -> event.getSequenceNumber() <= version,
                "contact " + contactId + " has no version " + version);
    }

    private ContactProfile foldWhile(String workspaceId, String contactId, Predicate<DomainEventMessage<?>> included,
            String notFound) {
        List<? extends DomainEventMessage<?>> history = events.of(workspaceId, contactId);
        if (history.isEmpty()) {
            throw new NotFound("contact " + contactId + " not found");
        }
        ContactProfile profile = ProfileFold.replay(history.stream().takeWhile(included).toList());
        if (profile == null) {
            throw new NotFound(notFound);
        }
        return profile;
    }
}
