package io.contactledger.events;

import org.axonframework.serialization.Revision;

/** Custom data was recorded; the value is in its canonical text form for the field's type. */
@Revision("2")
public record CustomFieldSet(String workspaceId, String contactId, String key, String value) implements ContactEvent {
}
