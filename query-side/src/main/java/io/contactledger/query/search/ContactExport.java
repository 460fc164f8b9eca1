package io.contactledger.query.search;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import io.contactledger.query.fields.DefinedFields;
import io.contactledger.query.profile.ContactProfile;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Streams every profile matching the list's filters, newest first, a page of {@value #PAGE} at a
 * time: memory stays that of one page however many contacts match. The CSV has exactly the import's
 * columns (DESIGN §10), so it reads back through the import unchanged; notes are left out of it,
 * since an imported {@code note} is a new note. NDJSON carries whole profiles, notes included.
 */
@Component
class ContactExport {

    static final int PAGE = 500;
    static final List<String> BASIC_COLUMNS = List.of("contactId", "name", "email", "phone", "country", "timezone",
            "customerId", "tags");

    private final ContactSearch search;
    private final DefinedFields fields;
    private final JsonMapper json;

    ContactExport(ContactSearch search, DefinedFields fields, JsonMapper json) {
        this.search = search;
        this.fields = fields;
        this.json = json;
    }

    void csv(String workspaceId, ContactSearch.Filters filters, OutputStream out) throws IOException {
        List<String> keys = fields.keys(workspaceId);
        List<String> header = new ArrayList<>(BASIC_COLUMNS);
        keys.forEach(key -> header.add("cf." + key));
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        CSVPrinter printer = new CSVPrinter(writer, CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).get());
        eachMatch(workspaceId, filters, profile -> {
            List<String> row = new ArrayList<>(List.of(text(profile.contactId()), text(profile.name()), text(profile.email()),
                    text(profile.phone()), text(profile.country()), text(profile.timezone()), text(profile.customerId()),
                    String.join(";", profile.tags())));
            keys.forEach(key -> row.add(text(profile.customFields().get(key))));
            try {
                printer.printRecord(row);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, () -> flush(printer));
        printer.flush();
    }

    void ndjson(String workspaceId, ContactSearch.Filters filters, OutputStream out) throws IOException {
        eachMatch(workspaceId, filters, profile -> {
            try {
                out.write(json.writeValueAsBytes(profile));
                out.write('\n');
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, () -> flush(out));
        out.flush();
    }

    private void eachMatch(String workspaceId, ContactSearch.Filters filters, Consumer<ContactProfile> write, Runnable afterPage) {
        Cursor.Position after = null;
        List<ContactProfile> page;
        do {
            page = search.profiles(workspaceId, filters, PAGE, after);
            page.forEach(write);
            afterPage.run();
            if (!page.isEmpty()) {
                after = ContactSearch.positionOf(page.get(page.size() - 1));
            }
        } while (page.size() == PAGE);
    }

    private static void flush(java.io.Flushable flushable) {
        try {
            flushable.flush();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
