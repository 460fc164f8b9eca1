package io.contactledger.command.contact;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
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
import io.contactledger.command.security.IdentityHashes;
import io.contactledger.command.security.VisitorTokens;
import io.contactledger.events.Channel;
import io.contactledger.events.ContactType;
import io.contactledger.support.security.ApiKeyFilter;
import io.contactledger.support.security.Caller;
import io.contactledger.support.security.Role;
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
    private final VisitorTokens visitorTokens;
    private final IdentityHashes identityHashes;

    ContactController(Commands commands, VisitorTokens visitorTokens, IdentityHashes identityHashes) {
        this.commands = commands;
        this.visitorTokens = visitorTokens;
        this.identityHashes = identityHashes;
    }

    record CreateContactRequest(String contactId, Channel channel, String country, String timezone) {
    }

    record DetailsRequest(String name, String email, String phone, String country, String timezone) {
    }

    record CustomerIdRequest(String customerId, String identityHash) {
    }

    record TagRequest(String tag) {
    }

    record NoteRequest(String text, String author) {
    }

    record NoteTextRequest(String text) {
    }

    record CustomFieldValueRequest(Object value) {
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
    CreatedResponse create(@PathVariable String workspaceId, @RequestBody CreateContactRequest body) {
        String contactId = body.contactId() != null ? body.contactId() : UUID.randomUUID().toString();
        ContactRef contact = new ContactRef(workspaceId, contactId);
        boolean widget = isWidget();
        Channel channel = body.channel() != null ? body.channel() : widget ? Channel.WIDGET : Channel.API;
        commands.create(new CreateContact(contact, channel, body.country(), body.timezone()));
        return new CreatedResponse(contactId, ContactType.GUEST, 0, widget ? visitorTokens.issue(contact) : null);
    }

    @PostMapping(path = "/{contactId}/details", consumes = MediaType.APPLICATION_JSON_VALUE)
    ContactTypeResponse leaveDetails(@PathVariable String workspaceId, @PathVariable String contactId,
            @RequestHeader(name = VisitorTokens.HEADER, required = false) String visitorToken,
            @RequestBody DetailsRequest body) {
        ContactRef contact = new ContactRef(workspaceId, contactId);
        if (isWidget()) {
            visitorTokens.verify(visitorToken, contact);
        }
        DetailsInput details = new DetailsInput(body.name(), body.email(), body.phone(), body.country(), body.timezone());
        return typed(contactId, send(new LeaveDetails(contact, details)));
    }

    @PutMapping(path = "/{contactId}/customer-id", consumes = MediaType.APPLICATION_JSON_VALUE)
    ContactTypeResponse linkCustomerId(@PathVariable String workspaceId, @PathVariable String contactId,
            @RequestHeader(name = VisitorTokens.HEADER, required = false) String visitorToken,
            @RequestBody CustomerIdRequest body) {
        ContactRef contact = new ContactRef(workspaceId, contactId);
        if (isWidget()) {
            visitorTokens.verify(visitorToken, contact);
            identityHashes.verify(workspaceId, body.customerId(), body.identityHash());
        }
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
            @RequestBody NoteRequest body) {
        String noteId = UUID.randomUUID().toString();
        // The author is the authenticated key's name; a body's author is only used by internal callers.
        String author = ApiKeyFilter.currentCaller().map(Caller::name).orElse(body.author());
        ContactState state = send(new WriteNote(new ContactRef(workspaceId, contactId), noteId, body.text(), author));
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

    private static boolean isWidget() {
        return ApiKeyFilter.currentCaller().map(caller -> caller.role() == Role.WIDGET).orElse(false);
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
