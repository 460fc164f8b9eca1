package io.contactledger.query.live;

import io.contactledger.query.web.PathIds;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The live update streams of DESIGN §8, read by the console with {@code fetch} and the key in its header. */
@RestController
class UpdatesController {

    private final UpdateHub hub;

    UpdatesController(UpdateHub hub) {
        this.hub = hub;
    }

    @Operation(summary = "One contact's profile, live",
            description = "`event: profile` with the profile JSON at once and each time the projection commits a newer"
                    + " version of the contact (`id` is the version); a comment line every 15 s keeps an idle stream open.")
    @ApiResponse(responseCode = "200", description = "an event stream",
            content = @Content(mediaType = MediaType.TEXT_EVENT_STREAM_VALUE, schema = @Schema(type = "string")))
    @GetMapping(path = "/api/v1/workspaces/{workspaceId}/contacts/{contactId}/updates",
            produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter contact(@PathVariable String workspaceId, @PathVariable String contactId) {
        PathIds.check(workspaceId, contactId);
        return hub.openContact(workspaceId, contactId);
    }

    @Operation(summary = "Every change in the workspace, live",
            description = "`event: contact` with `{contactId, version, type}` for every change projected in the workspace;"
                    + " a comment line every 15 s keeps an idle stream open.")
    @ApiResponse(responseCode = "200", description = "an event stream",
            content = @Content(mediaType = MediaType.TEXT_EVENT_STREAM_VALUE, schema = @Schema(type = "string")))
    @GetMapping(path = "/api/v1/workspaces/{workspaceId}/updates", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter workspace(@PathVariable String workspaceId) {
        PathIds.check(workspaceId, null);
        return hub.openWorkspace(workspaceId);
    }
}
