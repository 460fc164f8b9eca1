package io.contactledger.command.fields;

import java.util.List;

import io.contactledger.command.dispatch.Commands;
import io.contactledger.events.FieldType;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Workspace custom-field definitions (DESIGN §4). */
@RestController
@RequestMapping(path = "/api/v1/workspaces/{workspaceId}/custom-fields", produces = MediaType.APPLICATION_JSON_VALUE)
class CustomFieldController {

    private final Commands commands;

    CustomFieldController(Commands commands) {
        this.commands = commands;
    }

    record DefinitionRequest(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minLength = 1, maxLength = 200, example = "Plan") String label,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "LIST") FieldType type,
            @Schema(description = "LIST only: two or more options", example = "[\"free\", \"pro\"]") List<String> options) {
    }

    record DefinitionResponse(String key, FieldType type) {
    }

    @PutMapping(path = "/{key}", consumes = MediaType.APPLICATION_JSON_VALUE)
    DefinitionResponse define(@PathVariable String workspaceId, @PathVariable String key,
            @RequestBody DefinitionRequest body) {
        FieldDefinition defined = commands.send(
                new DefineCustomField(workspaceId, key, body.label(), body.type(), body.options()));
        return new DefinitionResponse(defined.key(), defined.type());
    }
}
