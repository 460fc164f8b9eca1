package io.contactledger.query.search;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

import javax.sql.DataSource;

import io.contactledger.support.database.DatabaseKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A few thousand rows' search text, sampled from the live profiles on PostgreSQL, to tell which
 * word of a search is rare ({@link SearchWords}). PostgreSQL keeps no frequencies of the trigram
 * index's keys that a query could read, and its planner does not pick among a pattern's words.
 * The sample is read by block ({@code TABLESAMPLE SYSTEM}, a few hundred pages of a million-row
 * table) and renewed every few minutes by the search that finds it old; searches meanwhile use
 * the old one. On H2, which has no trigram index, there is nothing to choose and no sample.
 */
@Component
class SearchTextSample {

    static final int ROWS = 4_000;
    static final Duration RENEW_AFTER = Duration.ofMinutes(5);
    /** A sample of a table of no more than {@link #ROWS} rows is all of it, cheap to read, and soon out of date as it grows. */
    static final Duration RENEW_SMALL_AFTER = Duration.ofSeconds(30);
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SearchTextSample.class);

    /** {@code whole}: the table had no more rows than a sample takes, so this is all of it. */
    private record Sample(String table, Instant taken, List<String> texts, boolean whole) {
    }

    private final JdbcClient jdbc;
    private final boolean postgres;
    private final ReentrantLock renewing = new ReentrantLock();
    private volatile Sample sample;

    SearchTextSample(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.postgres = DatabaseKind.isPostgres(dataSource);
    }

    /** The word of a (lower-cased) search to look up in the table's trigram index; empty: look up the whole search. */
    Optional<String> wordToLookUp(String table, String search) {
        if (!postgres) {
            return Optional.empty();
        }
        Sample current = current(table);
        if (current == null) {
            return Optional.empty();
        }
        return SearchWords.rarest(search, word -> (int) current.texts().stream().filter(text -> text.contains(word)).count());
    }

    /** The table's sample, renewed by this caller if it is old and nobody else is at it; null if there is none yet. */
    private Sample current(String table) {
        Sample known = sample;
        Sample usable = known != null && known.table().equals(table) ? known : null;
        boolean fresh = usable != null
                && usable.taken().plus(usable.whole() ? RENEW_SMALL_AFTER : RENEW_AFTER).isAfter(Instant.now());
        if (fresh || !renewing.tryLock()) {
            return usable;
        }
        try {
            Sample taken = read(table);
            sample = taken;
            return taken;
        } catch (org.springframework.dao.DataAccessException e) {
            // the sample only speeds searches up: a search goes on without it (a copy switched away, a lost connection)
            log.debug("search text sample of {} not renewed: {}", table, e.toString());
            return usable;
        } finally {
            renewing.unlock();
        }
    }

    private Sample read(String table) {
        double rows = jdbc.sql("SELECT GREATEST(reltuples, 0) FROM pg_class WHERE oid = to_regclass(?)")
                .param(table).query(Double.class).optional().orElse(0.0);
        // the share of the blocks that holds about the rows wanted (the limit only guards a stale row count:
        // it keeps the blocks read first, so it must rarely cut)
        double percent = rows <= ROWS ? 100.0 : Math.max(0.001, 100.0 * ROWS / rows);
        List<String> texts = jdbc.sql(String.format(Locale.ROOT, "SELECT search_text FROM %s TABLESAMPLE SYSTEM (%.4f) LIMIT %d",
                table, percent, 2 * ROWS)).query(String.class).list();
        return new Sample(table, Instant.now(), texts, percent >= 100.0);
    }
}
