package io.contactledger.query.search;

import java.util.List;
import java.util.Locale;

import io.contactledger.events.ContactType;
import io.contactledger.support.web.FieldViolation;

/** The list's filters from a query string, as the list and the export both take them. */
final class SearchFilters {

    static final int MAX_QUERY_LENGTH = 200;

    private SearchFilters() {
    }

    /** The filters, with what is wrong in them added to {@code errors}. */
    static ContactSearch.Filters parse(String type, String tag, String q, List<FieldViolation> errors) {
        ContactType contactType = type(type, errors);
        if (q != null && q.length() > MAX_QUERY_LENGTH) {
            errors.add(new FieldViolation("q", "must be at most " + MAX_QUERY_LENGTH + " characters"));
        }
        String normalizedTag = tag == null || tag.isBlank() ? null : tag.strip().toLowerCase(Locale.ROOT);
        String query = q == null || q.isBlank() ? null : q.strip();
        return new ContactSearch.Filters(contactType, normalizedTag, query);
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
}
