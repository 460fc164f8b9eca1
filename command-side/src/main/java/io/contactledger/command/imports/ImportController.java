package io.contactledger.command.imports;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.contactledger.command.fields.CustomFieldCatalog;
import io.contactledger.command.identity.ContactRef;
import io.contactledger.command.violations.RuleViolation;
import io.contactledger.command.violations.RulesBroken;
import io.contactledger.command.violations.Violations;
import io.contactledger.events.ActorKind;
import io.contactledger.support.security.Caller;
import io.contactledger.support.security.Role;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** CSV imports (DESIGN §10): accepted at once, run in the background, followed by their status and errors. */
@RestController
class ImportController {

    static final String CSV = "text/csv";

    private final ImportStore store;
    private final CustomFieldCatalog fields;
    private final TransactionTemplate transaction;

    ImportController(ImportStore store, CustomFieldCatalog fields, PlatformTransactionManager transactions) {
        this.store = store;
        this.fields = fields;
        this.transaction = new TransactionTemplate(transactions);
    }

    record Accepted(String importId, String status, int rows) {
    }

    record ImportStatus(String importId, String status, int rows, int done, int created, int updated, int unchanged,
            int failed, Instant createdAt, @Schema(types = {"string", "null"}) Instant finishedAt) {
    }

    @PostMapping(path = "/api/v1/workspaces/{workspaceId}/imports", consumes = CSV, produces = MediaType.APPLICATION_JSON_VALUE)
    @RequestBody(content = @Content(mediaType = CSV, schema = @Schema(type = "string",
            description = "UTF-8, a header row; columns contactId, name, email, phone, country, timezone, customerId,"
                    + " tags (';' separated), note, cf.<key>: any subset, any order; ',' or ';' separated; up to 50 MiB")))
    @ApiResponse(responseCode = "202", description = "The import is stored and runs in the background")
    ResponseEntity<Accepted> upload(@PathVariable String workspaceId, @org.springframework.web.bind.annotation.RequestBody(required = false) byte[] body,
            Caller caller) {
        Violations violations = new Violations();
        ContactRef.checkWorkspaceId(workspaceId, violations);
        violations.throwIfAny();
        String importId = UUID.randomUUID().toString();
        ActorKind kind = caller.role() == Role.INTEGRATION ? ActorKind.INTEGRATION : ActorKind.AGENT;
        int rows = transaction.execute(status -> {
            ImportStore.RowWriter writer = store.create(importId, workspaceId, caller.name(), kind,
                    caller.role() == Role.INTEGRATION, System.currentTimeMillis());
            int[] count = new int[1];
            // an empty upload is the CSV's own 400 (no header row), not a body the converter missed
            ImportColumns columns = CsvUpload.read(body != null ? body : new byte[0], (header, row) -> {
                if (count[0]++ == 0) {
                    requireDefinedFields(workspaceId, header);
                }
                writer.add(row);
            });
            if (count[0] == 0) {
                requireDefinedFields(workspaceId, columns);
            }
            writer.finish(columns);
            return count[0];
        });
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .location(java.net.URI.create("/api/v1/workspaces/" + workspaceId + "/imports/" + importId))
                .body(new Accepted(importId, ImportJob.QUEUED, rows));
    }

    /** A custom-field column every row would fail on is refused with the upload. */
    private void requireDefinedFields(String workspaceId, ImportColumns columns) {
        List<RuleViolation> unknown = new ArrayList<>();
        for (String column : columns.names()) {
            if (column.startsWith(ImportColumns.CUSTOM_FIELD_PREFIX)) {
                String key = column.substring(ImportColumns.CUSTOM_FIELD_PREFIX.length());
                if (fields.find(workspaceId, key).isEmpty()) {
                    unknown.add(new RuleViolation("header", "custom field '" + key + "' is not defined in this workspace"));
                }
            }
        }
        if (!unknown.isEmpty()) {
            throw new RulesBroken(unknown);
        }
    }

    @GetMapping(path = "/api/v1/workspaces/{workspaceId}/imports/{importId}", produces = MediaType.APPLICATION_JSON_VALUE)
    ImportStatus status(@PathVariable String workspaceId, @PathVariable String importId) {
        ImportJob job = store.find(workspaceId, importId).orElseThrow(() -> new ImportNotFound(importId));
        return new ImportStatus(job.importId(), job.status(), job.rows(), job.done(), job.created(), job.updated(),
                job.unchanged(), job.failed(), Instant.ofEpochMilli(job.createdAt()),
                job.finishedAt() == null ? null : Instant.ofEpochMilli(job.finishedAt()));
    }

    @GetMapping(path = "/api/v1/workspaces/{workspaceId}/imports/{importId}/errors")
    @ApiResponse(responseCode = "200", description = "row (the header is row 1), column, message: one line per failed row",
            content = @Content(mediaType = CSV, schema = @Schema(type = "string")))
    ResponseEntity<StreamingResponseBody> errors(@PathVariable String workspaceId, @PathVariable String importId) {
        store.find(workspaceId, importId).orElseThrow(() -> new ImportNotFound(importId));
        List<ImportStore.FailedRow> failures = store.failures(importId);
        StreamingResponseBody body = out -> {
            CSVPrinter printer = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8),
                    CSVFormat.RFC4180.builder().setHeader("row", "column", "message").get());
            for (ImportStore.FailedRow failure : failures) {
                printer.printRecord(failure.row(), failure.column() == null ? "" : failure.column(), failure.message());
            }
            printer.flush();
        };
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(CSV + ";charset=UTF-8")).body(body);
    }
}
