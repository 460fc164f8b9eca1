package io.contactledger.command.merge;

import io.contactledger.command.contact.ContactState;
import io.contactledger.command.contact.MergePreview;
import io.contactledger.command.dispatch.Commands;
import io.contactledger.command.identity.ContactRef;
import io.contactledger.command.merge.MergeCommands.MergeContacts;
import io.contactledger.command.merge.MergeCommands.PreviewMerge;
import io.contactledger.command.merge.MergeCommands.UnmergeContacts;
import io.contactledger.command.violations.RulesBroken;
import java.time.Instant;
import io.contactledger.events.ContactType;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Merging contacts and undoing it (DESIGN §9): the path names the survivor, the body the source. */
@RestController
@RequestMapping(path = "/api/v1/workspaces/{workspaceId}/contacts/{contactId}", produces = MediaType.APPLICATION_JSON_VALUE)
class MergeController {

    private final Commands commands;

    MergeController(Commands commands) {
        this.commands = commands;
    }

    record MergeRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "guest-7f3a") String sourceId) {
    }

    record Merged(String contactId, String sourceId, ContactType type, long version) {
    }

    @PostMapping(path = "/merge", consumes = MediaType.APPLICATION_JSON_VALUE)
    Merged merge(@PathVariable String workspaceId, @PathVariable String contactId, @RequestBody MergeRequest body) {
        ContactRef survivor = new ContactRef(workspaceId, contactId);
        ContactState state = commands.send(new MergeContacts(survivor, source(workspaceId, body)));
        return new Merged(contactId, body.sourceId(), state.type(), state.version());
    }

    record Unmerged(String contactId, String sourceId, ContactType type, long version) {
    }

    @PostMapping(path = "/unmerge", consumes = MediaType.APPLICATION_JSON_VALUE)
    Unmerged unmerge(@PathVariable String workspaceId, @PathVariable String contactId, @RequestBody MergeRequest body) {
        ContactState state = commands.send(new UnmergeContacts(new ContactRef(workspaceId, contactId), source(workspaceId, body),
                Instant.now()));
        return new Unmerged(contactId, body.sourceId(), state.type(), state.version());
    }

    @PostMapping(path = "/merge/preview", consumes = MediaType.APPLICATION_JSON_VALUE)
    MergePreview preview(@PathVariable String workspaceId, @PathVariable String contactId, @RequestBody MergeRequest body) {
        return commands.send(new PreviewMerge(new ContactRef(workspaceId, contactId), source(workspaceId, body)));
    }

    private static ContactRef source(String workspaceId, MergeRequest body) {
        if (body.sourceId() == null) {
            throw new RulesBroken("sourceId", "is required: the contact to merge into this one");
        }
        try {
            return new ContactRef(workspaceId, body.sourceId());
        } catch (RulesBroken broken) {
            throw new RulesBroken("sourceId", "must be 1-64 characters of A-Z, a-z, 0-9, '_' or '-'");
        }
    }
}
