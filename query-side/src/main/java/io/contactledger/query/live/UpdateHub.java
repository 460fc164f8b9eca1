package io.contactledger.query.live;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.contactledger.support.threads.DaemonThreads;
import io.contactledger.query.QuerySideSettings;
import io.contactledger.query.profile.ContactProfile;
import io.contactledger.query.profile.ProfileChange;
import io.contactledger.query.profile.ProfileChanges;
import io.contactledger.query.profile.ProfileCommits;
import io.contactledger.query.profile.ProfileStore;
import io.contactledger.query.web.NotFound;
import io.contactledger.query.web.StreamLimitReached;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Feeds the update streams of DESIGN §8 from the profile read model. Profiles this instance
 * projects are announced as their batch commits; those another instance projects are found by
 * polling {@link ProfileChanges} while any stream is open. Both paths run on one
 * thread and meet in one record of what was announced, so each committed version is announced
 * once, in order per contact. A poll reads from {@code overlap} before the previous poll began: a
 * batch is stamped just before it commits, and an instance's clock may be a little behind.
 */
@Component
class UpdateHub implements ProfileCommits, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(UpdateHub.class);
    private static final int PAGE = 500;
    private static final int PAGES_PER_POLL = 20;
    private static final Duration STREAM_LIFETIME = Duration.ofMinutes(30);
    private static final Duration FORGET_EVERY = Duration.ofSeconds(30);

    private record Announced(long version, long projectedAt) {
    }

    private final ProfileStore store;
    private final ProfileChanges changes;
    private final QuerySideSettings.Live settings;
    private final Map<String, Set<UpdateStream>> byContact = new ConcurrentHashMap<>();
    private final Map<String, Set<UpdateStream>> byWorkspace = new ConcurrentHashMap<>();
    private final AtomicInteger open = new AtomicInteger();
    private final ScheduledExecutorService hub = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("live-updates"));
    private final ThreadPoolExecutor senders = new ThreadPoolExecutor(2, 2, 1, TimeUnit.MINUTES,
            new LinkedBlockingQueue<>(10_000), DaemonThreads.named("live-updates-send"));

    // touched only on the hub thread
    private final Map<String, Announced> announced = new HashMap<>();
    private long pollFrom = -1;
    private ProfileChange resumeAfter;
    private volatile boolean running;

    UpdateHub(ProfileStore store, ProfileChanges changes, QuerySideSettings settings) {
        this.store = store;
        this.changes = changes;
        this.settings = settings.live();
    }

    /** A stream of one contact's profile: the current one at once, then each newer committed version. */
    SseEmitter openContact(String workspaceId, String contactId) {
        String key = workspaceId + "/" + contactId;
        UpdateStream stream = open(byContact, key);
        try {
            ContactProfile current = store.find(workspaceId, contactId)
                    .orElseThrow(() -> new NotFound("contact " + contactId + " not found"));
            stream.offerVersion(current.version(), profileEvent(current));
        } catch (RuntimeException e) {
            stream.close();
            throw e;
        }
        return stream.emitter();
    }

    /** A stream of every change projected in a workspace. */
    SseEmitter openWorkspace(String workspaceId) {
        UpdateStream stream = open(byWorkspace, workspaceId);
        // a first line, so the client knows at once that the stream is up
        stream.offer(SseEmitter.event().comment("connected"));
        return stream.emitter();
    }

    private UpdateStream open(Map<String, Set<UpdateStream>> streams, String key) {
        if (!running) {
            throw new StreamLimitReached("this instance is shutting down");
        }
        if (open.incrementAndGet() > settings.maxStreams()) {
            open.decrementAndGet();
            throw new StreamLimitReached("this instance already holds " + settings.maxStreams() + " update streams");
        }
        UpdateStream[] created = new UpdateStream[1];
        created[0] = new UpdateStream(new SseEmitter(STREAM_LIFETIME.toMillis()), senders, () -> {
            open.decrementAndGet();
            streams.computeIfPresent(key, (k, set) -> {
                set.remove(created[0]);
                return set.isEmpty() ? null : set;
            });
        });
        streams.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet()).add(created[0]);
        return created[0];
    }

    @Override
    public void committed(List<ProfileChange> changes) {
        if (open.get() > 0 && running) {
            try {
                hub.execute(() -> announce(changes));
            } catch (RuntimeException e) {
                log.debug("live updates are stopping; the change is left to the streams' reconnection", e);
            }
        }
    }

    private void poll() {
        if (open.get() == 0) {
            // nobody listens: forget the position, a new stream starts from its current state
            pollFrom = -1;
            resumeAfter = null;
            announced.clear();
            return;
        }
        long started = System.currentTimeMillis();
        if (pollFrom < 0) {
            pollFrom = started - settings.overlapMs();
        }
        try {
            ProfileChange after = resumeAfter;
            for (int page = 0; page < PAGES_PER_POLL; page++) {
                List<ProfileChange> rows = changes.since(pollFrom, after, PAGE);
                announce(rows);
                if (rows.size() < PAGE) {
                    resumeAfter = null;
                    pollFrom = started - settings.overlapMs();
                    announced.values().removeIf(a -> a.projectedAt() < pollFrom);
                    return;
                }
                after = rows.get(rows.size() - 1);
            }
            // a flood (a rebuild): go on from here next time rather than re-reading it
            resumeAfter = after;
        } catch (RuntimeException e) {
            log.debug("polling the read model for live updates failed; the next poll reads the same span again", e);
        }
    }

    private void announce(List<ProfileChange> changes) {
        for (ProfileChange change : changes) {
            String key = change.workspaceId() + "/" + change.contactId();
            Announced before = announced.get(key);
            if (before != null && before.version() >= change.version()) {
                continue;
            }
            announced.put(key, new Announced(change.version(), change.projectedAt()));
            Set<UpdateStream> workspaceStreams = byWorkspace.get(change.workspaceId());
            if (workspaceStreams != null) {
                ContactUpdate update = new ContactUpdate(change.contactId(), change.version(), change.type());
                workspaceStreams.forEach(stream -> stream.offer(SseEmitter.event().name("contact")
                        .id(Long.toString(change.version())).data(update, MediaType.APPLICATION_JSON)));
            }
            Set<UpdateStream> contactStreams = byContact.get(key);
            if (contactStreams != null) {
                try {
                    store.find(change.workspaceId(), change.contactId()).ifPresent(profile ->
                            contactStreams.forEach(stream -> stream.offerVersion(profile.version(), profileEvent(profile))));
                } catch (RuntimeException e) {
                    // the database is away: forget the announcement so the next poll tries this version again
                    announced.remove(key);
                    throw e;
                }
            }
        }
    }

    private static SseEmitter.SseEventBuilder profileEvent(ContactProfile profile) {
        return SseEmitter.event().name("profile").id(Long.toString(profile.version())).data(profile, MediaType.APPLICATION_JSON);
    }

    private void heartbeat() {
        forEachStream(stream -> stream.offer(SseEmitter.event().comment("keep-alive")));
    }

    private void forEachStream(java.util.function.Consumer<UpdateStream> action) {
        for (var streams : List.of(byContact, byWorkspace)) {
            streams.values().forEach(set -> set.forEach(action));
        }
    }

    @Override
    public void start() {
        running = true;
        hub.scheduleWithFixedDelay(this::poll, settings.pollIntervalMs(), settings.pollIntervalMs(), TimeUnit.MILLISECONDS);
        hub.scheduleWithFixedDelay(this::heartbeat, settings.heartbeatMs(), settings.heartbeatMs(), TimeUnit.MILLISECONDS);
        hub.scheduleWithFixedDelay(this::forgetOldChanges, FORGET_EVERY.toMillis(), FORGET_EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void forgetOldChanges() {
        try {
            changes.forgetOlderThan(System.currentTimeMillis());
        } catch (RuntimeException e) {
            log.debug("forgetting old profile changes failed; the next round tries again", e);
        }
    }

    /** Ends every stream before the web server's graceful shutdown would wait for them. */
    @Override
    public void stop() {
        running = false;
        forEachStream(UpdateStream::close);
        hub.shutdownNow();
        senders.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

}
