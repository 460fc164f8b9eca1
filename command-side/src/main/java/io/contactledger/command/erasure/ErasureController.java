package io.contactledger.command.erasure;

import io.contactledger.command.dispatch.Commands;
import io.contactledger.command.identity.ContactRef;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** The right to erasure (DESIGN §9), for admins: answers which contacts are now erased. */
@RestController
class ErasureController {

    private final Commands commands;

    ErasureController(Commands commands) {
        this.commands = commands;
    }

    @PostMapping(path = "/api/v1/workspaces/{workspaceId}/contacts/{contactId}/erase", produces = MediaType.APPLICATION_JSON_VALUE)
    Erasure erase(@PathVariable String workspaceId, @PathVariable String contactId) {
        return commands.send(new EraseContact(new ContactRef(workspaceId, contactId)));
    }
}
