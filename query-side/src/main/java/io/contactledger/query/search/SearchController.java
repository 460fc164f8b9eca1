package io.contactledger.query.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.contactledger.events.ContactType;
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
    static final int MAX_QUERY_LENGTH = 200;

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
        ContactType contactType = type(type, errors);
        int pageSize = limit(limit, errors);
        if (q != null && q.length() > MAX_QUERY_LENGTH) {
            errors.add(new FieldViolation("q", "must be at most " + MAX_QUERY_LENGTH + " characters"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequest(errors);
        }
        String normalizedTag = tag == null || tag.isBlank() ? null : tag.strip().toLowerCase(Locale.ROOT);
        String query = q == null || q.isBlank() ? null : q.strip();
        return search.search(workspaceId, new ContactSearch.Filters(contactType, normalizedTag, query), pageSize,
                cursor == null || cursor.isEmpty() ? null : cursor);
    }

    private static ContactType type(String raw, List<FieldViolation> errors) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return ContactType.valueOf(raw.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldViolation("type", "must be one of GUEST, LEAD, CUSTOMER"));
            return null;
        }
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
