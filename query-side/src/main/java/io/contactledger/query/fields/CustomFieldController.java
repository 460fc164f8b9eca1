package io.contactledger.query.fields;

import java.util.List;

import io.contactledger.query.web.PathIds;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /custom-fields}: the workspace's field definitions, ordered by key. */
@RestController
class CustomFieldController {

    private final CustomFieldProjection fields;

    CustomFieldController(CustomFieldProjection fields) {
        this.fields = fields;
    }

    @GetMapping(path = "/api/v1/workspaces/{workspaceId}/custom-fields", produces = MediaType.APPLICATION_JSON_VALUE)
    List<CustomFieldView> list(@PathVariable String workspaceId) {
        PathIds.check(workspaceId, null);
        return fields.of(workspaceId);
    }
}
