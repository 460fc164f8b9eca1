package io.contactledger.command.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.contactledger.events.ActorKind;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Import jobs and their rows in the database, shared by every command-side instance. */
@Component
class ImportStore {

    private static final int INSERT_BATCH = 1_000;
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final JsonMapper json;

    ImportStore(JdbcClient jdbc, JdbcTemplate batches, JsonMapper json) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.json = json;
    }

    /** Writes the job and collects its rows in batches; the caller's transaction makes it all or nothing. */
    RowWriter create(String importId, String workspaceId, String actorId, ActorKind kind, boolean linksIds, long now) {
        jdbc.sql("INSERT INTO import_job (import_id, workspace_id, actor_id, actor_kind, links_ids, columns_json, status,"
                        + " row_count, done, created, updated, unchanged, failed, heartbeat, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, '[]', ?, 0, 0, 0, 0, 0, 0, ?, ?)")
                .params(importId, workspaceId, actorId, kind.name(), linksIds, ImportJob.QUEUED, now, now)
                .update();
        return new RowWriter(importId);
    }

    /** Rows of a new job, written a batch at a time. */
    final class RowWriter {
        private final String importId;
        private final List<Object[]> pending = new ArrayList<>();
        private int count;

        private RowWriter(String importId) {
            this.importId = importId;
        }

        void add(CsvUpload.Row row) {
            pending.add(new Object[] {importId, row.number(), json.writeValueAsString(row.cells())});
            count++;
            if (pending.size() >= INSERT_BATCH) {
                flush();
            }
        }

        void finish(ImportColumns columns) {
            flush();
            jdbc.sql("UPDATE import_job SET columns_json = ?, row_count = ? WHERE import_id = ?")
                    .params(json.writeValueAsString(columns.names()), count, importId).update();
        }

        private void flush() {
            if (!pending.isEmpty()) {
                batches.batchUpdate("INSERT INTO import_row (import_id, row_number, cells) VALUES (?, ?, ?)", pending);
                pending.clear();
            }
        }
    }

    Optional<ImportJob> find(String workspaceId, String importId) {
        return find(importId).filter(job -> job.workspaceId().equals(workspaceId));
    }

    Optional<ImportJob> find(String importId) {
        return jdbc.sql("SELECT import_id, workspace_id, actor_id, actor_kind, links_ids, columns_json, status, row_count,"
                        + " done, created, updated, unchanged, failed, created_at, finished_at"
                        + " FROM import_job WHERE import_id = ?")
                .params(importId)
                .query((rs, i) -> new ImportJob(rs.getString(1), rs.getString(2), rs.getString(3),
                        ActorKind.valueOf(rs.getString(4)), rs.getBoolean(5), json.readValue(rs.getString(6), STRINGS),
                        rs.getString(7), rs.getInt(8), rs.getInt(9), rs.getInt(10), rs.getInt(11), rs.getInt(12),
                        rs.getInt(13), rs.getLong(14), (Long) rs.getObject(15, Long.class)))
                .optional();
    }

    /** Takes a queued job, or one whose owner has been silent since {@code staleBefore}; empty if none. */
    Optional<String> claim(String owner, long now, long staleBefore) {
        List<String> candidates = jdbc.sql("SELECT import_id FROM import_job WHERE status = ? OR (status = ? AND heartbeat < ?)"
                        + " ORDER BY created_at LIMIT 5")
                .params(ImportJob.QUEUED, ImportJob.RUNNING, staleBefore)
                .query(String.class).list();
        for (String importId : candidates) {
            int won = jdbc.sql("UPDATE import_job SET status = ?, owner = ?, heartbeat = ?"
                            + " WHERE import_id = ? AND (status = ? OR (status = ? AND heartbeat < ?))")
                    .params(ImportJob.RUNNING, owner, now, importId, ImportJob.QUEUED, ImportJob.RUNNING, staleBefore)
                    .update();
            if (won == 1) {
                return Optional.of(importId);
            }
        }
        return Optional.empty();
    }

    /** The job's rows not yet run, in file order, after {@code afterRow}. */
    List<CsvUpload.Row> pending(String importId, int afterRow, int limit) {
        return jdbc.sql("SELECT row_number, cells FROM import_row WHERE import_id = ? AND outcome IS NULL AND row_number > ?"
                        + " ORDER BY row_number LIMIT ?")
                .params(importId, afterRow, limit)
                .query((rs, i) -> new CsvUpload.Row(rs.getInt(1), json.readValue(rs.getString(2), STRINGS)))
                .list();
    }

    /**
     * Records a row's outcome and counts it, in the caller's transaction (the one holding the row's
     * events). A row already recorded, or a job this instance no longer owns, rolls it all back.
     */
    void recordRow(String importId, String owner, int row, RowOutcome outcome, String contactId, String email, String phone,
            String errorColumn, String errorMessage) {
        int rowUpdated = jdbc.sql("UPDATE import_row SET outcome = ?, contact_id = ?, email = ?, phone = ?, error_column = ?,"
                        + " error_message = ? WHERE import_id = ? AND row_number = ? AND outcome IS NULL")
                .params(outcome.name(), contactId, email, phone, errorColumn, errorMessage, importId, row)
                .update();
        int jobUpdated = jdbc.sql("UPDATE import_job SET done = done + 1, " + outcome.column() + " = " + outcome.column()
                        + " + 1, heartbeat = ? WHERE import_id = ? AND owner = ? AND status = ?")
                .params(System.currentTimeMillis(), importId, owner, ImportJob.RUNNING)
                .update();
        if (rowUpdated != 1 || jobUpdated != 1) {
            throw new LostImport(importId);
        }
    }

    /** Still this instance's job: its heartbeat renewed. */
    boolean heartbeat(String importId, String owner) {
        return jdbc.sql("UPDATE import_job SET heartbeat = ? WHERE import_id = ? AND owner = ? AND status = ?")
                .params(System.currentTimeMillis(), importId, owner, ImportJob.RUNNING).update() == 1;
    }

    void finish(String importId, String owner) {
        jdbc.sql("UPDATE import_job SET status = ?, finished_at = ?, heartbeat = ? WHERE import_id = ? AND owner = ?"
                        + " AND status = ?")
                .params(ImportJob.DONE, System.currentTimeMillis(), System.currentTimeMillis(), importId, owner,
                        ImportJob.RUNNING)
                .update();
    }

    /** Hands the job back (this instance is stopping), so another instance resumes it at once. */
    void release(String importId, String owner) {
        jdbc.sql("UPDATE import_job SET status = ?, owner = NULL WHERE import_id = ? AND owner = ? AND status = ?")
                .params(ImportJob.QUEUED, importId, owner, ImportJob.RUNNING).update();
    }

    /** The contact an earlier row of this file matched or created with this email (or phone). */
    Optional<String> earlierRowWith(String importId, String column, String value) {
        return jdbc.sql("SELECT contact_id FROM import_row WHERE import_id = ? AND " + column + " = ?"
                        + " AND contact_id IS NOT NULL ORDER BY row_number DESC LIMIT 1")
                .params(importId, value).query(String.class).optional();
    }

    record FailedRow(int row, String column, String message) {
    }

    List<FailedRow> failures(String importId) {
        return jdbc.sql("SELECT row_number, error_column, error_message FROM import_row WHERE import_id = ? AND outcome = ?"
                        + " ORDER BY row_number")
                .params(importId, RowOutcome.FAILED.name())
                .query((rs, i) -> new FailedRow(rs.getInt(1), rs.getString(2), rs.getString(3)))
                .list();
    }
}
