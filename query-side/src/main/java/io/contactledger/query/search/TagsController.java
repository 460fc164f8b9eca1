package io.contactledger.query.search;

import java.util.List;

import io.contactledger.query.web.PathIds;
import io.contactledger.query.web.QueryNumbers;
import io.contactledger.support.web.InvalidRequest;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /tags}: the workspace's tags in use, for suggestions. */
@RestController
class TagsController {

    private static final int MAX_PREFIX = 50;

    private final WorkspaceTags tags;

    TagsController(WorkspaceTags tags) {
        this.tags = tags;
    }

    @GetMapping(path = "/api/v1/workspaces/{workspaceId}/tags", produces = MediaType.APPLICATION_JSON_VALUE)
    List<WorkspaceTags.TagUse> list(@PathVariable String workspaceId, @RequestParam(required = false) String q,
            @RequestParam(required = false) String limit) {
        PathIds.check(workspaceId, null);
        String prefix = q == null ? "" : q.strip();
        if (prefix.length() > MAX_PREFIX) {
            throw new InvalidRequest("q", "must be at most " + MAX_PREFIX + " characters");
        }
        return tags.inUse(workspaceId, prefix, QueryNumbers.inRange("limit", limit, 1, 100, 20));
    }
}
