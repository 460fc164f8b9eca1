package io.contactledger.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.axonframework.serialization.Revision;

/** The contact left details, or an agent corrected them; only the fields that changed are set. */
@Revision("2")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DetailsLeft(String workspaceId, String contactId, String name, String email, String phone, String country, String timezone) implements ContactEvent {
}
