package io.contactledger.events;

import java.util.List;
import java.util.Map;

/**
 * Which fields of which events hold a person's data (DESIGN §9: name, email, phone, customer ID,
 * note texts, custom-field values). These are the fields stored encrypted with the contact's own
 * key, and the ones an erasure leaves {@code null}. One list, so the store, the history and the
 * feed cannot disagree about what is personal.
 */
public final class PersonalFields {

    private static final Map<String, List<String>> BY_EVENT = Map.of(
            DetailsLeft.class.getName(), List.of("name", "email", "phone"),
            CustomerIdLinked.class.getName(), List.of("customerId"),
            NoteWritten.class.getName(), List.of("text"),
            NoteEdited.class.getName(), List.of("text"),
            CustomFieldSet.class.getName(), List.of("value"),
            ContactMerged.class.getName(), List.of("name", "email", "phone", "customerId", "notes", "customFields"));

    private PersonalFields() {
    }

    /** The personal fields of an event type (its class name), empty when it holds none. */
    public static List<String> of(String eventType) {
        return BY_EVENT.getOrDefault(eventType, List.of());
    }

    /** The same by simple name, as the feed and the history name event types. */
    public static List<String> ofSimpleName(String simpleName) {
        return of(ContactEvent.class.getPackageName() + "." + simpleName);
    }
}
