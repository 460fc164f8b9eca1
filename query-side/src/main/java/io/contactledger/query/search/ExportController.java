package io.contactledger.query.search;

import java.util.ArrayList;
import java.util.List;

import io.contactledger.query.web.PathIds;
import io.contactledger.support.web.FieldViolation;
import io.contactledger.support.web.InvalidRequest;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** {@code GET /contacts/export} (DESIGN §10): every matching profile, streamed as CSV or NDJSON. */
@RestController
class ExportController {

    static final String CSV = "text/csv";
    static final String NDJSON = "application/x-ndjson";

    private final ContactExport export;

    ExportController(ContactExport export) {
        this.export = export;
    }

    @GetMapping(path = "/api/v1/workspaces/{workspaceId}/contacts/export")
    @ApiResponse(responseCode = "200", description = "format=csv (the default): the import's columns, contactId, name, email,"
            + " phone, country, timezone, customerId, tags (';' separated), then cf.<key> per defined field; format=ndjson:"
            + " one profile a line", content = {@Content(mediaType = CSV, schema = @Schema(type = "string")),
                    @Content(mediaType = NDJSON, schema = @Schema(type = "string"))})
    ResponseEntity<StreamingResponseBody> export(@PathVariable String workspaceId,
            @RequestParam(required = false) String format, @RequestParam(required = false) String type,
            @RequestParam(required = false) String tag, @RequestParam(required = false) String q) {
        PathIds.check(workspaceId, null);
        List<FieldViolation> errors = new ArrayList<>();
        ContactSearch.Filters filters = SearchFilters.parse(type, tag, q, errors);
        String chosen = format == null || format.isBlank() ? "csv" : format;
        if (!chosen.equals("csv") && !chosen.equals("ndjson")) {
            errors.add(new FieldViolation("format", "must be csv or ndjson"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequest(errors);
        }
        boolean csv = chosen.equals("csv");
        ContentDisposition attachment = ContentDisposition.attachment()
                .filename("contacts-" + workspaceId + (csv ? ".csv" : ".ndjson")).build();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(csv ? CSV + ";charset=UTF-8" : NDJSON))
                .header(HttpHeaders.CONTENT_DISPOSITION, attachment.toString())
                .body(csv ? out -> export.csv(workspaceId, filters, out) : out -> export.ndjson(workspaceId, filters, out));
    }
}
