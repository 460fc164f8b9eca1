package io.contactledger.events;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.axonframework.serialization.Revision;

/**
 * The contact took over another contact of its workspace, the source (DESIGN §9): exactly what it
 * took. Basic fields are set only where the survivor had none; {@code customerId} is the source's,
 * moved here; {@code tags} the ones it did not have; {@code notes} copies of the source's;
 * {@code customFields} the values it lacked; its type went from {@code typeBefore} to
 * {@code typeAfter} (the more advanced of the two).
 */
@Revision("2")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ContactMerged(String workspaceId, String contactId, String sourceId, String name, String email,
        String phone, String country, String timezone, String customerId, List<String> tags, List<MergedNote> notes,
        Map<String, String> customFields, ContactType typeBefore, ContactType typeAfter) implements ContactEvent {

    public ContactMerged {
        tags = List.copyOf(tags);
        // absent only when read after an erasure: the personal parts no longer read
        notes = notes == null ? null : List.copyOf(notes);
        customFields = customFields == null ? null : Map.copyOf(customFields);
    }
}
