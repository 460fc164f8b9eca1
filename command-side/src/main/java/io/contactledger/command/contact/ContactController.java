package io.contactledger.command.contact;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.contactledger.command.identity.ContactRef;
import io.swagger.v3.oas.annotations.media.Schema;
import io.contactledger.command.contact.ContactCommands.AddTag;
import io.contactledger.command.contact.ContactCommands.ClearCustomField;
import io.contactledger.command.contact.ContactCommands.CreateContact;
import io.contactledger.command.contact.ContactCommands.DeleteNote;
import io.contactledger.command.contact.ContactCommands.EditNote;
import io.contactledger.command.contact.ContactCommands.LeaveDetails;
import io.contactledger.command.contact.ContactCommands.LinkCustomerId;
import io.contactledger.command.contact.ContactCommands.RemoveTag;
import io.contactledger.command.contact.ContactCommands.SetCustomField;
import io.contactledger.command.contact.ContactCommands.WriteNote;
import io.contactledger.command.details.DetailsInput;
import io.contactledger.command.dispatch.Commands;
import io.contactledger.command.security.VisitorTokens;
import io.contactledger.command.security.WidgetAccess;
import io.contactledger.events.Channel;
import io.contactledger.events.ContactType;
import io.contactledger.support.security.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The contact command API (DESIGN §4): each request becomes one command to the Contact aggregate. */
@RestController
@RequestMapping(path = "/api/v1/workspaces/{workspaceId}/contacts", produces = MediaType.APPLICATION_JSON_VALUE)
class ContactController {

    private final Commands commands;
    private final WidgetAccess widgets;

    ContactController(Commands commands, WidgetAccess widgets) {
        this.commands = commands;
        this.widgets = widgets;
    }

    record CreateContactRequest(
            @Schema(pattern = "^[A-Za-z0-9_-]{1,64}$", description = "made (a UUID) when absent") String contactId,
            @Schema(description = "a widget key's contacts always come through WIDGET") Channel channel,
            @Schema(pattern = "^[A-Za-z]{2}$", description = "ISO 3166-1 alpha-2") String country,
            @Schema(maxLength = 64, description = "IANA time zone, e.g. Europe/London") String timezone) {
    }

    record DetailsRequest(
            @Schema(minLength = 1, maxLength = 200, example = "Ada Lovelace") String name,
            @Schema(maxLength = 254, format = "email", example = "ada@example.com") String email,
            @Schema(maxLength = 32, example = "+44 20 7183 8750") String phone,
            @Schema(pattern = "^[A-Za-z]{2}$", example = "GB") String country,
            @Schema(maxLength = 64, example = "Europe/London") String timezone) {
    }

    record CustomerIdRequest(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minLength = 1, maxLength = 128, example = "CUST-42") String customerId,
            @Schema(pattern = "^[0-9a-fA-F]{64}$", description = "widget keys only: hex HMAC-SHA256(identity secret, customerId)")
            String identityHash) {
    }

    record TagRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, minLength = 1, maxLength = 50, example = "vip") String tag) {
    }

    record NoteRequest(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minLength = 1, maxLength = 10_000, example = "Asked about pricing")
            String text,
            @Schema(deprecated = true, description = "ignored: the author is the API key's name") String author) {
    }

    record NoteTextRequest(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minLength = 1, maxLength = 10_000, example = "Asked about enterprise pricing")
            String text) {
    }

    record CustomFieldValueRequest(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, types = {"string", "number", "boolean"},
                    description = "text, or a JSON number or boolean for NUMBER and BOOLEAN fields", example = "pro")
            Object value) {
    }

    record ContactTypeResponse(String contactId, ContactType type, long version) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record CreatedResponse(String contactId, ContactType type, long version, String visitorToken) {
    }

    record ContactVersionResponse(String contactId, long version) {
    }

    record NoteResponse(String contactId, String noteId, long version) {
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    CreatedResponse create(@PathVariable String workspaceId, @RequestBody CreateContactRequest body, Caller caller) {
        String contactId = body.contactId() != null ? body.contactId() : UUID.randomUUID().toString();
        ContactRef contact = new ContactRef(workspaceId, contactId);
        // a widget's contact always comes through the widget, whatever its body says
        Channel channel = WidgetAccess.isWidget(caller) ? Channel.WIDGET : body.channel() != null ? body.channel() : Channel.API;
        commands.create(new CreateContact(contact, channel, body.country(), body.timezone()));
        return new CreatedResponse(contactId, ContactType.GUEST, 0, widgets.tokenFor(caller, contact).orElse(null));
    }

    @PostMapping(path = "/{contactId}/details", consumes = MediaType.APPLICATION_JSON_VALUE)
    ContactTypeResponse leaveDetails(@PathVariable String workspaceId, @PathVariable String contactId,
            @RequestHeader(name = VisitorTokens.HEADER, required = false) String visitorToken,
            @RequestBody DetailsRequest body, Caller caller) {
        ContactRef contact = new ContactRef(workspaceId, contactId);
        widgets.checkContact(caller, contact, visitorToken);
        DetailsInput details = new DetailsInput(body.name(), body.email(), body.phone(), body.country(), body.timezone());
        return typed(contactId, send(new LeaveDetails(contact, details)));
    }

    @PutMapping(path = "/{contactId}/customer-id", consumes = MediaType.APPLICATION_JSON_VALUE)
    ContactTypeResponse linkCustomerId(@PathVariable String workspaceId, @PathVariable String contactId,
            @RequestHeader(name = VisitorTokens.HEADER, required = false) String visitorToken,
            @RequestBody CustomerIdRequest body, Caller caller) {
        ContactRef contact = new ContactRef(workspaceId, contactId);
        widgets.checkLink(caller, contact, visitorToken, body.customerId(), body.identityHash());
        return typed(contactId, send(new LinkCustomerId(contact, body.customerId())));
    }

    @PostMapping(path = "/{contactId}/tags", consumes = MediaType.APPLICATION_JSON_VALUE)
    ContactVersionResponse addTag(@PathVariable String workspaceId, @PathVariable String contactId,
            @RequestBody TagRequest body) {
        return versioned(contactId, send(new AddTag(new ContactRef(workspaceId, contactId), body.tag())));
    }

    @DeleteMapping("/{contactId}/tags/{tag}")
    ContactVersionResponse removeTag(@PathVariable String workspaceId, @PathVariable String contactId,
            @PathVariable String tag) {
        return versioned(contactId, send(new RemoveTag(new ContactRef(workspaceId, contactId), tag)));
    }

    @PostMapping(path = "/{contactId}/notes", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    NoteResponse writeNote(@PathVariable String workspaceId, @PathVariable String contactId,
            @RequestBody NoteRequest body, Caller caller) {
        String noteId = UUID.randomUUID().toString();
        // The author is the authenticated key's name, never the body's.
        ContactState state = send(new WriteNote(new ContactRef(workspaceId, contactId), noteId, body.text(), caller.name()));
        return new NoteResponse(contactId, noteId, state.version());
    }

    @PutMapping(path = "/{contactId}/notes/{noteId}", consumes = MediaType.APPLICATION_JSON_VALUE)
    NoteResponse editNote(@PathVariable String workspaceId, @PathVariable String contactId,
            @PathVariable String noteId, @RequestBody NoteTextRequest body) {
        ContactState state = send(new EditNote(new ContactRef(workspaceId, contactId), noteId, body.text()));
        return new NoteResponse(contactId, noteId, state.version());
    }

    @DeleteMapping("/{contactId}/notes/{noteId}")
    ContactVersionResponse deleteNote(@PathVariable String workspaceId, @PathVariable String contactId,
            @PathVariable String noteId) {
        return versioned(contactId, send(new DeleteNote(new ContactRef(workspaceId, contactId), noteId)));
    }

    @PutMapping(path = "/{contactId}/custom-fields/{key}", consumes = MediaType.APPLICATION_JSON_VALUE)
    ContactVersionResponse setCustomField(@PathVariable String workspaceId, @PathVariable String contactId,
            @PathVariable String key, @RequestBody CustomFieldValueRequest body) {
        return versioned(contactId, send(new SetCustomField(new ContactRef(workspaceId, contactId), key, body.value())));
    }

    @DeleteMapping("/{contactId}/custom-fields/{key}")
    ContactVersionResponse clearCustomField(@PathVariable String workspaceId, @PathVariable String contactId,
            @PathVariable String key) {
        return versioned(contactId, send(new ClearCustomField(new ContactRef(workspaceId, contactId), key)));
    }

    private ContactState send(Object command) {
        return commands.send(command);
    }

    private static ContactTypeResponse typed(String contactId, ContactState state) {
        return new ContactTypeResponse(contactId, state.type(), state.version());
    }

    private static ContactVersionResponse versioned(String contactId, ContactState state) {
        return new ContactVersionResponse(contactId, state.version());
    }
}
