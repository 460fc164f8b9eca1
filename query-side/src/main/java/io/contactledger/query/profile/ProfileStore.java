package io.contactledger.query.profile;

import java.sql.Types;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * The profile read model: one row per contact in {@code contact_profile} (filterable columns plus
 * the whole profile as JSON) and one row per tag in {@code contact_tag}.
 */
@Component
public class ProfileStore implements StoredVersions {

    private static final List<String> PROFILE_COLUMNS = List.of("workspace_id", "contact_id", "type", "name", "email",
            "phone", "customer_id", "search_text", "created_at", "version", "document", "merged_into", "erased");
    private static final List<String> TAG_COLUMNS = List.of("workspace_id", "tag", "contact_id");

    // an update's columns in its rows' order: the values set, then the key (workspace, contact)
    private static final List<String> UPDATE_COLUMNS = List.of("type", "name", "email", "phone", "customer_id", "search_text",
            "version", "document", "merged_into", "erased", "workspace_id", "contact_id");
    private static final List<String> UPDATE_SET = UPDATE_COLUMNS.subList(0, UPDATE_COLUMNS.size() - 2);
    private static final String UPDATE_PROFILE = "UPDATE %s SET "
            + String.join(", ", UPDATE_SET.stream().map(column -> column + " = ?").toList())
            + " WHERE workspace_id = ? AND contact_id = ?";
    // the same over arrays for PostgreSQL (see ArrayStatements), the columns' element types in order
    private static final List<String> UPDATE_ELEMENTS = List.of("text", "text", "text", "text", "text", "text", "int8", "text",
            "text", "bool", "text", "text");
    private static final String UPDATE_PROFILES = "UPDATE %s AS p SET "
            + String.join(", ", UPDATE_SET.stream().map(column -> column + " = v." + column).toList())
            + " FROM " + ArrayStatements.unnest("v", UPDATE_COLUMNS, UPDATE_ELEMENTS)
            + " WHERE p.workspace_id = v.workspace_id AND p.contact_id = v.contact_id";
    private static final List<String> TAG_ELEMENTS = List.of("text", "text", "text");
    private static final String DELETE_TAGS = "DELETE FROM %s AS t USING " + ArrayStatements.unnest("v", TAG_COLUMNS, TAG_ELEMENTS)
            + " WHERE t.workspace_id = v.workspace_id AND t.tag = v.tag AND t.contact_id = v.contact_id";

    private static final int READ_CHUNK = 500;
    // Declared parameter types: a null is bound as its column's type, so every row of a batch
    // binds the same types and the statement is prepared once.
    private static final int[] INSERT_TYPES = {Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR,
            Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.BIGINT, Types.BIGINT, Types.VARCHAR, Types.VARCHAR, Types.BOOLEAN};
    private static final int[] UPDATE_TYPES = {Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR,
            Types.VARCHAR, Types.BIGINT, Types.VARCHAR, Types.VARCHAR, Types.BOOLEAN, Types.VARCHAR, Types.VARCHAR};
    private static final int[] TAG_TYPES = {Types.VARCHAR, Types.VARCHAR, Types.VARCHAR};
    private static final int[] CONTACT_TYPES = {Types.VARCHAR, Types.VARCHAR};
    private static final int[] CHECKPOINT_TYPES = {Types.VARCHAR, Types.VARCHAR, Types.BIGINT, Types.BIGINT, Types.VARCHAR};

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final JsonMapper json;
    /** {@link #json} with the stored documents' instants read by {@link StoredInstantReader}. */
    private final JsonMapper documents;
    private final LiveTables live;

    private final boolean postgres;

    private final int checkpointEvery;

    public ProfileStore(JdbcClient jdbc, JdbcTemplate batches, JsonMapper json, LiveTables live,
            io.contactledger.query.QuerySideSettings settings) {
        this.checkpointEvery = settings.checkpoints().every();
        this.jdbc = jdbc;
        this.batches = batches;
        this.json = json;
        this.documents = json.rebuild()
                .addModule(new SimpleModule("stored-instants").addDeserializer(Instant.class, new StoredInstantReader()))
                .build();
        this.live = live;
        this.postgres = io.contactledger.support.database.DatabaseKind.isPostgres(batches.getDataSource());
    }

    /** A profile replacing a stored one ({@code previous} null for a new contact). */
    public record Replacement(ContactProfile previous, ContactProfile next) {
    }

    /**
     * Stores many replacements with one JDBC batch per kind of statement: one round trip each, not
     * one per row.
     */
    public void saveAll(List<Replacement> replacements) {
        saveAll(live.current(), replacements);
    }

    /** As {@link #saveAll(List)}, into a given copy of the read model (a rebuild's). */
    public void saveAll(ProfileTables tables, List<Replacement> replacements) {
        write(tables, rows(replacements));
    }

    /**
     * The statements' rows for many replacements, JSON documents written: everything of a save
     * but the database, so a rebuild can make them on one thread and write them on another.
     */
    public record Rows(List<Object[]> inserts, List<Object[]> updates, List<Object[]> tagsRemoved, List<Object[]> tagsAdded,
            List<Object[]> checkpoints, List<Object[]> erased) {
    }

    /** The rows that store {@code replacements} (see {@link Rows}). */
    public Rows rows(List<Replacement> replacements) {
        Rows rows = new Rows(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
                new ArrayList<>());
        for (Replacement r : replacements) {
            ContactProfile next = r.next();
            String document = json.writeValueAsString(next);
            long previousVersion = r.previous() == null ? -1 : r.previous().version();
            if (next.wasErased()) {
                // checkpoints hold the profile as it stood: an erasure leaves none
                rows.erased().add(new Object[] {next.workspaceId(), next.contactId()});
            } else if (next.version() / checkpointEvery > Math.max(previousVersion, 0) / checkpointEvery) {
                rows.checkpoints().add(new Object[] {next.workspaceId(), next.contactId(), next.version(),
                        ChronoUnit.MICROS.between(java.time.Instant.EPOCH, next.updatedAt()), document});
            }
            if (r.previous() == null) {
                rows.inserts().add(new Object[] {next.workspaceId(), next.contactId(), next.type().name(), next.name(),
                        next.email(), next.phone(), next.customerId(), searchText(next), createdAtMicros(next), next.version(),
                        document, next.mergedInto(), next.wasErased()});
            } else {
                rows.updates().add(new Object[] {next.type().name(), next.name(), next.email(), next.phone(), next.customerId(),
                        searchText(next), next.version(), document, next.mergedInto(), next.wasErased(), next.workspaceId(),
                        next.contactId()});
            }
            List<String> before = r.previous() == null ? List.of() : r.previous().tags();
            before.stream().filter(tag -> !next.tags().contains(tag))
                    .forEach(tag -> rows.tagsRemoved().add(new Object[] {next.workspaceId(), tag, next.contactId()}));
            next.tags().stream().filter(tag -> !before.contains(tag))
                    .forEach(tag -> rows.tagsAdded().add(new Object[] {next.workspaceId(), tag, next.contactId()}));
        }
        return rows;
    }

    /** Writes {@code rows} into a copy of the read model, with one JDBC batch per kind of statement. */
    public void write(ProfileTables tables, Rows rows) {
        insert(tables.profiles(), PROFILE_COLUMNS, rows.inserts(), INSERT_TYPES);
        update(tables, rows.updates());
        deleteTags(tables, rows.tagsRemoved());
        insert(tables.tags(), TAG_COLUMNS, rows.tagsAdded(), TAG_TYPES);
        // the same version's checkpoint may exist already (a rebuild, a redelivered batch): it is the same fact
        batch(postgres
                ? "INSERT INTO profile_checkpoint (workspace_id, contact_id, version, updated_at, document) VALUES (?, ?, ?, ?, ?)"
                        + " ON CONFLICT DO NOTHING"
                : "MERGE INTO profile_checkpoint (workspace_id, contact_id, version, updated_at, document) KEY (workspace_id,"
                        + " contact_id, version) VALUES (?, ?, ?, ?, ?)",
                rows.checkpoints(), CHECKPOINT_TYPES);
        batch("DELETE FROM profile_checkpoint WHERE workspace_id = ? AND contact_id = ?", rows.erased(), CONTACT_TYPES);
    }

    /** New rows: copied in on PostgreSQL when there are many (a rebuild's, a replay's), else one batch. */
    private void insert(String table, List<String> columns, List<Object[]> rows, int[] types) {
        if (postgres && rows.size() >= CopyInserts.AT_LEAST) {
            CopyInserts.copy(batches, table, columns, rows);
        } else {
            batch("INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                    + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")", rows, types);
        }
    }

    /**
     * Updates stored profiles: over arrays in one statement on PostgreSQL when there are many (a
     * rebuild's batch meeting contacts it wrote before), else one batch.
     */
    private void update(ProfileTables tables, List<Object[]> rows) {
        if (overArrays(rows)) {
            int updated = ArrayStatements.execute(batches, UPDATE_PROFILES.formatted(tables.profiles()), rows, UPDATE_ELEMENTS);
            if (updated != rows.size()) {
                // a batch holds each profile once, so every row found updates exactly one
                throw new IllegalStateException((rows.size() - updated) + " of " + rows.size()
                        + " profiles read from the read model are no longer there; retrying the batch");
            }
        } else {
            requireEveryRow(batch(UPDATE_PROFILE.formatted(tables.profiles()), rows, UPDATE_TYPES), rows);
        }
    }

    private void deleteTags(ProfileTables tables, List<Object[]> rows) {
        if (overArrays(rows)) {
            ArrayStatements.execute(batches, DELETE_TAGS.formatted(tables.tags()), rows, TAG_ELEMENTS);
        } else {
            batch("DELETE FROM " + tables.tags() + " WHERE workspace_id = ? AND tag = ? AND contact_id = ?", rows, TAG_TYPES);
        }
    }

    /** Many rows on PostgreSQL go as one statement over arrays; few, or on H2, as a JDBC batch. */
    private boolean overArrays(List<Object[]> rows) {
        return postgres && rows.size() >= ArrayStatements.AT_LEAST;
    }

    private int[] batch(String sql, List<Object[]> rows, int[] types) {
        return rows.isEmpty() ? new int[0] : batches.batchUpdate(sql, rows, types);
    }

    /**
     * An update that found no row means the batch worked from a profile that is no longer stored
     * (the read model was emptied under it): failing rolls the batch back with its token, and the
     * processor retries it from what is stored now, instead of advancing past events it never wrote.
     */
    private static void requireEveryRow(int[] counts, List<Object[]> rows) {
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] == 0) {
                Object[] row = rows.get(i);
                // workspace and contact are the UPDATE's last two parameters
                throw new IllegalStateException("profile " + row[row.length - 2] + "/" + row[row.length - 1]
                        + " was read from the read model but is no longer there; retrying the batch");
            }
        }
    }

    /**
     * Whether the contact's profile says it was erased, from the row's own column (written with
     * its document), without reading the document: a long history's runs to thousands of notes.
     */
    public boolean isErased(String workspaceId, String contactId) {
        return jdbc.sql("SELECT erased FROM " + live.current().profiles() + " WHERE workspace_id = ? AND contact_id = ?")
                .params(workspaceId, contactId)
                .query(Boolean.class)
                .optional()
                .orElse(false);
    }

    public Optional<ContactProfile> find(String workspaceId, String contactId) {
        return jdbc.sql("SELECT document FROM " + live.current().profiles() + " WHERE workspace_id = ? AND contact_id = ?")
                .params(workspaceId, contactId)
                .query(String.class)
                .optional()
                .map(this::read);
    }

    /**
     * The stored profiles of many contacts of one workspace with one query per 500 of them (a
     * batch's contacts, read together rather than one round trip each); absent ones are left out.
     */
    public List<ContactProfile> findAll(String workspaceId, Collection<String> contactIds) {
        return findAll(live.current(), workspaceId, contactIds);
    }

    /** As {@link #findAll(String, Collection)}, from a given copy of the read model. */
    public List<ContactProfile> findAll(ProfileTables tables, String workspaceId, Collection<String> contactIds) {
        List<ContactProfile> found = new ArrayList<>(contactIds.size());
        byKeys(tables, "document", workspaceId, contactIds, rs -> found.add(read(rs.getString(1))));
        return found;
    }

    /** Runs {@code select} over the rows of many contacts of one workspace, one query per 500 of them. */
    private void byKeys(ProfileTables tables, String select, String workspaceId, Collection<String> contactIds,
            org.springframework.jdbc.core.RowCallbackHandler row) {
        List<String> ids = List.copyOf(contactIds);
        for (int from = 0; from < ids.size(); from += READ_CHUNK) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + READ_CHUNK));
            List<Object> params = new ArrayList<>(chunk.size() + 1);
            params.add(workspaceId);
            params.addAll(chunk);
            jdbc.sql("SELECT " + select + " FROM " + tables.profiles() + " WHERE workspace_id = ? AND contact_id IN ("
                    + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ")")
                    .params(params)
                    .query(row);
        }
    }

    /** A profile and the version it was checkpointed at. */
    public record Checkpoint(long version, ContactProfile profile) {
    }

    /** The latest checkpoint at or below {@code version} whose profile was last changed at or before {@code changedBy}. */
    public Optional<Checkpoint> checkpoint(String workspaceId, String contactId, long version, java.time.Instant changedBy) {
        return jdbc.sql("SELECT version, document FROM profile_checkpoint WHERE workspace_id = ? AND contact_id = ?"
                        + " AND version <= ? AND updated_at <= ? ORDER BY version DESC FETCH FIRST 1 ROWS ONLY")
                .params(workspaceId, contactId, version, microsClamped(changedBy))
                .query((rs, i) -> new Checkpoint(rs.getLong(1), read(rs.getString(2))))
                .optional();
    }

    /** Epoch microseconds, clamped for instants too far out to count in a long (any instant a client may ask). */
    private static long microsClamped(java.time.Instant instant) {
        try {
            return ChronoUnit.MICROS.between(java.time.Instant.EPOCH, instant);
        } catch (ArithmeticException e) {
            return instant.isAfter(java.time.Instant.EPOCH) ? Long.MAX_VALUE : Long.MIN_VALUE;
        }
    }

    @Override
    public long versionOf(String workspaceId, String contactId) {
        return jdbc.sql("SELECT version FROM " + live.current().profiles() + " WHERE workspace_id = ? AND contact_id = ?")
                .params(workspaceId, contactId)
                .query(Long.class)
                .optional()
                .orElse(-1L);
    }

    /** The versions of many contacts of one workspace with one query per 500 of them (the waits' fallback re-read). */
    @Override
    public java.util.Map<String, Long> versionsOf(String workspaceId, Collection<String> contactIds) {
        java.util.Map<String, Long> versions = new java.util.HashMap<>();
        byKeys(live.current(), "contact_id, version", workspaceId, contactIds, rs -> versions.put(rs.getString(1), rs.getLong(2)));
        return versions;
    }

    /**
     * Empties the read model before a rebuild, in the transaction that resets the tokens. On
     * PostgreSQL by TRUNCATE, which is transactional there and leaves no dead rows: after a
     * DELETE every replayed row's key would first meet its dead predecessor in each index until
     * vacuum ran (replay 10k -> 14.5k events/s without them). H2's TRUNCATE commits, so H2 deletes.
     */
    public void deleteAll() {
        empty(live.current());
    }

    /** Empties one copy of the read model (see {@link #deleteAll()} for why TRUNCATE on PostgreSQL). */
    public void empty(ProfileTables tables) {
        if (postgres) {
            jdbc.sql("TRUNCATE TABLE " + tables.tags() + ", " + tables.profiles()).update();
        } else {
            jdbc.sql("DELETE FROM " + tables.tags()).update();
            jdbc.sql("DELETE FROM " + tables.profiles()).update();
        }
    }

    /** The name of the live profile table, for queries of other packages (search). */
    public ProfileTables liveTables() {
        return live.current();
    }

    public ContactProfile read(String document) {
        return documents.readValue(document, ContactProfile.class);
    }

    /** The creation time as the list's sort key; microseconds, the precision both databases keep. */
    public static long createdAtMicros(ContactProfile profile) {
        return ChronoUnit.MICROS.between(java.time.Instant.EPOCH, profile.createdAt());
    }

    static String searchText(ContactProfile profile) {
        return Stream.of(profile.name(), profile.email(), profile.phone(), profile.customerId())
                .filter(s -> s != null)
                .map(s -> s.toLowerCase(Locale.ROOT))
                .collect(Collectors.joining("\n"));
    }
}
