package io.contactledger.events;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.axonframework.serialization.Revision;

/**
 * A merge was undone (DESIGN §9), recorded on both contacts of it. On the source, which is active
 * again, the lists are empty. On the survivor they name exactly what it gave back: the basic
 * fields it had taken ({@code details}: "name", "email", "phone", "country", "timezone"), whether
 * the customer ID went back, the tags, note IDs and custom-field keys. Values are not repeated, so
 * the event holds no personal data. When the survivor's type had been reached only through the
 * merge it goes back, from {@code typeBefore} to {@code typeAfter}; otherwise both are absent.
 */
@Revision("1")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ContactUnmerged(String workspaceId, String contactId, String survivorId, String sourceId,
        List<String> details, boolean customerId, List<String> tags, List<String> noteIds, List<String> customFields,
        ContactType typeBefore, ContactType typeAfter) implements ContactEvent {

    public ContactUnmerged {
        details = List.copyOf(details);
        tags = List.copyOf(tags);
        noteIds = List.copyOf(noteIds);
        customFields = List.copyOf(customFields);
    }

    /** The source's side: it is active again and gives nothing back. */
    public static ContactUnmerged onSource(String workspaceId, String sourceId, String survivorId) {
        return new ContactUnmerged(workspaceId, sourceId, survivorId, sourceId, List.of(), false, List.of(), List.of(),
                List.of(), null, null);
    }
}
