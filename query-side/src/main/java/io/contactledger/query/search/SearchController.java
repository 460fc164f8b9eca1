package io.contactledger.query.search;

import java.util.ArrayList;
import java.util.List;

import io.contactledger.query.web.PathIds;
import io.contactledger.query.web.QueryNumbers;
import io.contactledger.support.web.FieldViolation;
import io.contactledger.support.web.InvalidRequest;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /contacts}: search and filter a workspace's contacts (DESIGN §4). */
@RestController
class SearchController {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;

    private final ContactSearch search;

    SearchController(ContactSearch search) {
        this.search = search;
    }

    @GetMapping(path = "/api/v1/workspaces/{workspaceId}/contacts", produces = MediaType.APPLICATION_JSON_VALUE)
    ContactSearch.Page list(@PathVariable String workspaceId, @RequestParam(required = false) String type,
            @RequestParam(required = false) String tag, @RequestParam(required = false) String q,
            @RequestParam(required = false) String limit, @RequestParam(required = false) String cursor) {
        PathIds.check(workspaceId, null);
        List<FieldViolation> errors = new ArrayList<>();
        ContactSearch.Filters filters = SearchFilters.parse(type, tag, q, errors);
        int pageSize = limit(limit, errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequest(errors);
        }
        return search.search(workspaceId, filters, pageSize, cursor == null || cursor.isEmpty() ? null : cursor);
    }

    private static int limit(String raw, List<FieldViolation> errors) {
        try {
            return QueryNumbers.inRange("limit", raw, 1, MAX_LIMIT, DEFAULT_LIMIT);
        } catch (InvalidRequest e) {
            errors.addAll(e.errors());
            return DEFAULT_LIMIT;
        }
    }
}
