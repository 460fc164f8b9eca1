package io.contactledger.events;

import org.axonframework.serialization.Revision;

/** Custom data was removed. */
@Revision("1")
public record CustomFieldCleared(String workspaceId, String contactId, String key) implements ContactEvent {
}
