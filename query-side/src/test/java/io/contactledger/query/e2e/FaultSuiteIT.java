package io.contactledger.query.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.contactledger.support.testing.Http;
import io.contactledger.support.testing.TestDatabase;
import io.contactledger.support.testing.TestKeys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ledger's promise under faults: several clients send a random mix of commands (adds and
 * removes of the same few tags, details, notes written, edited and deleted, customer-ID links;
 * half under an Idempotency-Key) through two command-side instances, retrying what failed, while a
 * controller SIGKILLs and restarts a command-side instance, restarts PostgreSQL with
 * {@code -m immediate}, and SIGKILLs and restarts the query side. Each client records every
 * acknowledged command and the version it got; a checker then verifies, per contact, that every
 * acknowledged change is stored once, at the version it was acknowledged with, that no client saw
 * a version go back, that sequence numbers have no gaps, and that the read model equals the fold of
 * the stored events. Bounded: about two minutes of load.
 */
class FaultSuiteIT {

    private static final String WS = "/api/v1/workspaces/scale";
    private static final Duration LOAD = Duration.ofSeconds(Long.getLong("ledger.fault.seconds", 80));
    private static final int CLIENTS = 6;
    private static final int CONTACTS_PER_CLIENT = 6;
    private static final List<String> TAGS = List.of("vip", "bug", "churn-risk");
    private static final List<String> NAMES = List.of("Ada Lovelace", "Grace Hopper", "Alan Turing");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path logs;
    private PostgresFleet fleet;
    private TestDatabase database;
    private io.contactledger.support.keys.SealingSerializer storeSerializer;

    @AfterEach
    void stopAll() throws Exception {
        if (fleet != null) {
            fleet.close();
        }
    }

    private ServiceProcess start(String name, String jar) throws Exception {
        return fleet.start(name, jar);
    }

    /**
     * What one client was told about one command. {@code afterUnknownNote}: a note of unknown
     * outcome came before it on this contact, so its version may be that note's, answered to a
     * no-op; the event at its version is then either its own or that note.
     */
    record Ack(String contactId, String kind, String detail, long version, boolean changes, boolean afterUnknownNote) {
    }

    @Test
    void nothingAcknowledgedIsLostOrDoubledThroughKillsAndADatabaseRestart() throws Exception {
        Assumptions.assumeTrue(new java.io.File("/usr/bin/pg_ctlcluster").canExecute(),
                "needs the local PostgreSQL cluster to restart it");
        fleet = new PostgresFleet("fault_suite", logs, Map.of("LEDGER_CURSOR_SECRET", "fault-suite-cursor-secret"));
        database = fleet.database();
        ServiceProcess commandA = start("command-a", PostgresFleet.COMMAND_JAR);
        ServiceProcess commandB = start("command-b", PostgresFleet.COMMAND_JAR);
        ServiceProcess query = start("query", PostgresFleet.QUERY_JAR);
        List<ServiceProcess> commandSides = List.of(commandA, commandB);

        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger sent = new AtomicInteger();
        ConcurrentLinkedQueue<Ack> acks = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> unknownNotes = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> violations = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS + 1);
        List<Future<?>> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            Client client = new Client(c, commandSides, running, sent, acks, unknownNotes, violations);
            clients.add(pool.submit(() -> {
                client.run();
                return null;
            }));
        }

        // the controller: a command side killed, the database restarted, the query side killed
        long start = System.nanoTime();
        List<String> faults = new ArrayList<>();
        sleepUntil(start, LOAD.multipliedBy(2).dividedBy(10));
        commandB.kill();
        faults.add("SIGKILL command-b after " + sent.get() + " commands");
        Thread.sleep(2_000);
        commandB.start();
        sleepUntil(start, LOAD.multipliedBy(45).dividedBy(100));
        restartPostgres();
        faults.add("PostgreSQL restarted -m immediate after " + sent.get() + " commands");
        sleepUntil(start, LOAD.multipliedBy(7).dividedBy(10));
        query.kill();
        faults.add("SIGKILL query after " + sent.get() + " commands");
        Thread.sleep(2_000);
        query.start();
        sleepUntil(start, LOAD);
        running.set(false);
        for (Future<?> client : clients) {
            client.get();
        }
        pool.shutdown();

        // the checker
        Http reads = query.http().with(TestKeys.bearer("agent", "scale"));
        Map<String, List<Ack>> byContact = new HashMap<>();
        acks.forEach(ack -> byContact.computeIfAbsent(ack.contactId(), k -> new ArrayList<>()).add(ack));
        int lost = 0;
        int duplicated = 0;
        int mismatched = 0;
        try (Connection connection = database.connect()) {
            for (Map.Entry<String, List<Ack>> contact : byContact.entrySet()) {
                List<JsonNode[]> stored = events(connection, contact.getKey());
                for (int i = 0; i < stored.size(); i++) {
                    if (stored.get(i)[0].asLong() != i) {
                        violations.add(contact.getKey() + ": sequence numbers have a gap at " + i);
                        break;
                    }
                }
                for (Ack ack : contact.getValue()) {
                    if (!ack.changes()) {
                        continue;
                    }
                    JsonNode[] at = ack.version() < stored.size() ? stored.get((int) ack.version()) : null;
                    if (at == null || !matches(ack, at) && !(ack.afterUnknownNote() && isUnknownNote(at, unknownNotes))) {
                        lost++;
                        violations.add(contact.getKey() + ": " + ack + " not stored at its version: "
                                + (at == null ? "nothing" : at[1].asText() + " " + at[2]));
                    }
                }
                Map<String, Integer> noteTexts = new HashMap<>();
                for (JsonNode[] event : stored) {
                    if (event[1].asText().equals("NoteWritten") || event[1].asText().equals("NoteEdited")) {
                        noteTexts.merge(event[2].get("text").asText(), 1, Integer::sum);
                    }
                }
                for (Map.Entry<String, Integer> text : noteTexts.entrySet()) {
                    if (text.getValue() > 1) {
                        duplicated++;
                        violations.add(contact.getKey() + ": note text recorded " + text.getValue() + " times: " + text.getKey());
                    }
                }
                long last = stored.size() - 1;
                Http.Response live = awaitProfile(reads, contact.getKey(), last);
                JsonNode replayed = reads.get(WS + "/contacts/" + contact.getKey() + "?atVersion=" + last).json();
                if (live.status() != 200 || !live.json().equals(replayed)
                        || !expectedTags(contact.getValue()).equals(tagsOf(live.json()))) {
                    mismatched++;
                    violations.add(contact.getKey() + ": read model " + live + " differs from the replay " + replayed
                            + " or from the acknowledged tags " + expectedTags(contact.getValue()));
                }
            }
        }
        System.out.printf("%nfault suite: faults %s%ncommands sent %d / acknowledged %d / lost %d / duplicated %d"
                        + " / mismatched profiles %d (%d contacts, %d note writes of unknown outcome)%n",
                faults, sent.get(), acks.size(), lost, duplicated, mismatched, byContact.size(), unknownNotes.size());
        assertThat(violations).as("violations").isEmpty();
        assertThat(acks.size()).as("the load made progress").isGreaterThan(500);
        assertThat(lost + duplicated + mismatched).isZero();
    }

    private static boolean isUnknownNote(JsonNode[] event, ConcurrentLinkedQueue<String> unknownNotes) {
        return event[1].asText().equals("NoteWritten") && unknownNotes.contains(event[2].get("text").asText());
    }

    private static boolean matches(Ack ack, JsonNode[] event) {
        String type = event[1].asText();
        JsonNode payload = event[2];
        return switch (ack.kind()) {
            case "note" -> type.equals("NoteWritten") && payload.get("noteId").asText().equals(ack.detail());
            case "edit" -> type.equals("NoteEdited") && payload.get("text").asText().equals(ack.detail());
            case "delete" -> type.equals("NoteDeleted") && payload.get("noteId").asText().equals(ack.detail());
            case "tag" -> type.equals("TagAdded") && payload.get("tag").asText().equals(ack.detail());
            case "untag" -> type.equals("TagRemoved") && payload.get("tag").asText().equals(ack.detail());
            case "details" -> type.equals("DetailsLeft") || type.equals("ContactPromoted");
            case "link" -> type.equals("CustomerIdLinked") || type.equals("ContactPromoted");
            case "create" -> type.equals("ContactCreated");
            default -> false;
        };
    }

    /** The tags a contact must have: the last acknowledged add or remove of each tag decides. */
    private static TreeSet<String> expectedTags(List<Ack> acks) {
        Map<String, Boolean> present = new HashMap<>();
        acks.stream().filter(a -> a.kind().equals("tag") || a.kind().equals("untag"))
                .forEach(a -> present.put(a.detail(), a.kind().equals("tag")));
        TreeSet<String> tags = new TreeSet<>();
        present.forEach((tag, on) -> {
            if (on) {
                tags.add(tag);
            }
        });
        return tags;
    }

    private static TreeSet<String> tagsOf(JsonNode profile) {
        TreeSet<String> tags = new TreeSet<>();
        profile.get("tags").forEach(tag -> tags.add(tag.asText()));
        return tags;
    }

    private static Http.Response awaitProfile(Http reads, String contactId, long version) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        Http.Response answer = reads.get(WS + "/contacts/" + contactId + "?minVersion=" + version);
        while (answer.status() != 200 && System.nanoTime() < deadline) {
            Thread.sleep(500);
            answer = reads.get(WS + "/contacts/" + contactId + "?minVersion=" + version);
        }
        return answer;
    }

    /** (sequence, type, payload) of a contact's stored events, in order. */
    /** The services' event serializer over this database's contact keys. */
    private io.contactledger.support.keys.SealingSerializer storeSerializer() {
        if (storeSerializer == null) {
            var keys = new io.contactledger.support.keys.ContactKeys(
                    new org.springframework.jdbc.datasource.DriverManagerDataSource(database.url(), database.user(), database.password()));
            storeSerializer = new io.contactledger.support.keys.SealingSerializer(org.axonframework.serialization.json.JacksonSerializer
                    .builder().revisionResolver(new org.axonframework.serialization.AnnotationRevisionResolver()).build(), keys);
        }
        return storeSerializer;
    }

    /** The contact's stored events: sequence, type and payload, its personal fields opened with the contact's key. */
    private List<JsonNode[]> events(Connection connection, String contactId) throws Exception {
        List<JsonNode[]> events = new ArrayList<>();
        try (PreparedStatement sql = connection.prepareStatement("SELECT sequence_number, payload_type, payload, payload_revision"
                + " FROM domain_event_entry WHERE aggregate_identifier = ? ORDER BY sequence_number")) {
            sql.setString(1, "scale/" + contactId);
            try (ResultSet rows = sql.executeQuery()) {
                while (rows.next()) {
                    String type = rows.getString(2);
                    Object payload = storeSerializer().deserialize(new org.axonframework.serialization.SimpleSerializedObject<>(
                            rows.getBytes(3), byte[].class, type, rows.getString(4)));
                    events.add(new JsonNode[] {JSON.getNodeFactory().numberNode(rows.getLong(1)),
                            JSON.getNodeFactory().textNode(type.substring(type.lastIndexOf('.') + 1)),
                            JSON.valueToTree(payload)});
                }
            }
        }
        return events;
    }

    private static void restartPostgres() throws Exception {
        String version = new String(new ProcessBuilder("ls", "/etc/postgresql").start().getInputStream().readAllBytes()).strip();
        Process restart = new ProcessBuilder("pg_ctlcluster", "--skip-systemctl-redirect", version, "main", "restart",
                "-m", "immediate").redirectErrorStream(true).start();
        assertThat(restart.waitFor()).as(new String(restart.getInputStream().readAllBytes())).isZero();
    }

    private static void sleepUntil(long start, Duration offset) throws InterruptedException {
        long wait = start + offset.toNanos() - System.nanoTime();
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000);
        }
    }

    /**
     * One client: its own contacts, commands through either command-side instance at random,
     * retrying until answered (a note without Idempotency-Key is the one thing it does not retry
     * after an unknown outcome: that could record it twice, by the client's own doing).
     */
    private static final class Client {
        private final int index;
        private final List<ServiceProcess> commandSides;
        private final AtomicBoolean running;
        private final AtomicInteger sent;
        private final ConcurrentLinkedQueue<Ack> acks;
        private final ConcurrentLinkedQueue<String> unknownNotes;
        private final ConcurrentLinkedQueue<String> violations;
        private final Random random;
        private final Map<String, Long> seen = new HashMap<>();
        private final Map<String, List<String>> notes = new HashMap<>();
        private final java.util.Set<String> unknownNoteBefore = new java.util.HashSet<>();
        private int counter;

        Client(int index, List<ServiceProcess> commandSides, AtomicBoolean running, AtomicInteger sent,
                ConcurrentLinkedQueue<Ack> acks, ConcurrentLinkedQueue<String> unknownNotes,
                ConcurrentLinkedQueue<String> violations) {
            this.index = index;
            this.commandSides = commandSides;
            this.running = running;
            this.sent = sent;
            this.acks = acks;
            this.unknownNotes = unknownNotes;
            this.violations = violations;
            this.random = new Random(index * 7919L);
        }

        void run() throws InterruptedException {
            for (int c = 0; c < CONTACTS_PER_CLIENT; c++) {
                String id = "f" + index + "-" + c;
                send(id, "create", id, "POST", WS + "/contacts", "{\"contactId\":\"" + id + "\"}", true);
                notes.put(id, new ArrayList<>());
            }
            while (running.get()) {
                String id = "f" + index + "-" + random.nextInt(CONTACTS_PER_CLIENT);
                String tag = TAGS.get(random.nextInt(TAGS.size()));
                List<String> written = notes.get(id);
                switch (random.nextInt(8)) {
                    case 0, 1 -> send(id, "tag", tag, "POST", WS + "/contacts/" + id + "/tags", "{\"tag\":\"" + tag + "\"}", true);
                    case 2 -> send(id, "untag", tag, "DELETE", WS + "/contacts/" + id + "/tags/" + tag, null, true);
                    case 3 -> send(id, "details", null, "POST", WS + "/contacts/" + id + "/details",
                            "{\"name\":\"" + NAMES.get(random.nextInt(NAMES.size())) + "\",\"email\":\"" + id + "@example.com\"}", true);
                    case 4 -> {
                        String text = "note " + id + " #" + (counter++);
                        boolean keyed = random.nextBoolean();
                        String noteId = send(id, "note", text, "POST", WS + "/contacts/" + id + "/notes",
                                "{\"text\":\"" + text + "\"}", keyed);
                        if (noteId != null) {
                            written.add(noteId);
                        }
                    }
                    case 5 -> {
                        if (!written.isEmpty()) {
                            String noteId = written.get(random.nextInt(written.size()));
                            String text = "edited " + id + " #" + (counter++);
                            send(id, "edit", text, "PUT", WS + "/contacts/" + id + "/notes/" + noteId, "{\"text\":\"" + text + "\"}", true);
                        }
                    }
                    case 6 -> {
                        if (!written.isEmpty()) {
                            String noteId = written.remove(random.nextInt(written.size()));
                            send(id, "delete", noteId, "DELETE", WS + "/contacts/" + id + "/notes/" + noteId, null, true);
                        }
                    }
                    default -> send(id, "link", null, "PUT", WS + "/contacts/" + id + "/customer-id",
                            "{\"customerId\":\"CUST-" + id + "\"}", true);
                }
            }
        }

        /**
         * Sends until answered; records the acknowledgement. A note is keyed or not as asked, every
         * other command half the time (all of them are safe to repeat without a key). Returns the
         * note id of a written note, or null.
         */
        private String send(String contactId, String kind, String detail, String method, String path, String body,
                boolean keyed) throws InterruptedException {
            boolean useKey = kind.equals("note") ? keyed : random.nextBoolean();
            String[] headers = useKey ? new String[] {"Idempotency-Key", "k-" + index + "-" + (counter++)} : new String[0];
            sent.incrementAndGet();
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            boolean failedBefore = false;
            while (System.nanoTime() < deadline) {
                ServiceProcess side = commandSides.get(random.nextInt(commandSides.size()));
                Http http = side.http().with(TestKeys.bearer("integration", "scale"));
                Http.Response answer;
                try {
                    answer = http.send(method, path, body, "application/json", headers);
                } catch (UncheckedIOException | IllegalStateException connectionLost) {
                    answer = null;
                }
                boolean answered = answer != null && answer.status() < 500 && answer.status() != 409 || isRealConflict(answer);
                if (!answered) {
                    if (kind.equals("note") && !useKey && (answer == null || answer.status() == 503)) {
                        unknownNotes.add(detail);
                        unknownNoteBefore.add(contactId);
                        return null;
                    }
                    failedBefore = true;
                    Thread.sleep(200);
                    continue;
                }
                return acknowledge(contactId, kind, detail, answer, failedBefore);
            }
            violations.add(contactId + ": " + kind + " never answered");
            return null;
        }

        private static boolean isRealConflict(Http.Response answer) {
            return answer != null && answer.status() == 409 && answer.text().contains("contact-exists");
        }

        private String acknowledge(String contactId, String kind, String detail, Http.Response answer, boolean retried) {
            if (kind.equals("create") && answer.status() == 409 && retried) {
                // the first attempt's create committed before its answer was lost
                acks.add(new Ack(contactId, kind, detail, 0, true, false));
                seen.put(contactId, 0L);
                return null;
            }
            if (kind.equals("delete") && answer.status() == 404 && retried) {
                return null; // an unkeyed first attempt deleted it before its answer was lost
            }
            if (answer.status() >= 300) {
                violations.add(contactId + ": " + kind + " refused: " + answer);
                return null;
            }
            JsonNode json = answer.json();
            long version = json.get("version").asLong();
            long before = seen.getOrDefault(contactId, -1L);
            if (version < before) {
                violations.add(contactId + ": version went back from " + before + " to " + version + " on " + kind);
            }
            seen.put(contactId, version);
            String recorded = kind.equals("note") ? json.get("noteId").asText() : detail;
            boolean changes = version > before && !retried || kind.equals("create");
            // a note of unknown outcome may have committed: a no-op answered after it carries its version
            acks.add(new Ack(contactId, kind, recorded, version, changes, unknownNoteBefore.remove(contactId)));
            return kind.equals("note") ? recorded : null;
        }
    }
}
