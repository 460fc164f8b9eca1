package io.contactledger.query.profile;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import io.contactledger.query.web.Erased;
import io.contactledger.query.web.MergedAway;
import io.contactledger.query.web.NotFound;
import io.contactledger.query.web.NotYetProjected;
import io.contactledger.query.web.PathIds;
import io.contactledger.query.web.QueryNumbers;
import io.contactledger.support.web.FieldViolation;
import io.contactledger.support.web.InvalidRequest;
import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * One contact's profile: as the read model holds it now, after waiting for a version the client
 * just wrote ({@code minVersion}), or as it stood at an instant or version ({@code asOf},
 * {@code atVersion}, folded from the event store).
 */
@RestController
class ProfileController {

    static final Duration MAX_WAIT = Duration.ofSeconds(5);
    private static final String PATH = "/api/v1/workspaces/{workspaceId}/contacts/{contactId}";

    private final ProfileStore store;
    private final ProjectionProgress progress;
    private final AsOfReplay replay;
    private final Executor readers;

    ProfileController(ProfileStore store, ProjectionProgress progress, AsOfReplay replay,
            @Qualifier("applicationTaskExecutor") Executor readers) {
        this.store = store;
        this.progress = progress;
        this.replay = replay;
        this.readers = readers;
    }

    /**
     * The profile now or as it stood; answered on the request's thread. A request with
     * {@code minVersion} goes to {@link #profileOnceReached} (a more specific mapping): an async
     * answer costs a second dispatch through the filters, which every plain read would pay too.
     */
    @GetMapping(path = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    ContactProfile profile(@PathVariable String workspaceId, @PathVariable String contactId,
            @RequestParam(required = false) String minVersion, @RequestParam(required = false) String asOf,
            @RequestParam(required = false) String atVersion) {
        PathIds.check(workspaceId, contactId);
        atMostOneOf(minVersion, asOf, atVersion);
        if (asOf != null || atVersion != null) {
            // an erased contact has no past profile to show either: its history remains, without personal values
            if (store.isErased(workspaceId, contactId)) {
                throw new Erased(contactId);
            }
        }
        if (asOf != null) {
            return present(replay.asOf(workspaceId, contactId, instant(asOf)));
        }
        if (atVersion != null) {
            return present(replay.atVersion(workspaceId, contactId, QueryNumbers.nonNegative("atVersion", atVersion)));
        }
        return current(workspaceId, contactId);
    }

    /** The profile once the read model holds at least {@code minVersion} (documented with {@link #profile}). */
    @Hidden
    @GetMapping(path = PATH, params = "minVersion", produces = MediaType.APPLICATION_JSON_VALUE)
    CompletableFuture<ContactProfile> profileOnceReached(@PathVariable String workspaceId, @PathVariable String contactId,
            @RequestParam String minVersion, @RequestParam(required = false) String asOf,
            @RequestParam(required = false) String atVersion) {
        PathIds.check(workspaceId, contactId);
        atMostOneOf(minVersion, asOf, atVersion);
        // The wait holds no request thread: hundreds of readers waiting for their writes must not
        // starve everyone else's reads. Only the final read takes a (pooled) thread.
        return progress.whenReached(workspaceId, contactId, QueryNumbers.nonNegative("minVersion", minVersion), MAX_WAIT)
                .thenApplyAsync(reached -> {
                    if (!reached) {
                        throw new NotYetProjected("the profile has not reached version " + minVersion + " yet");
                    }
                    return current(workspaceId, contactId);
                }, readers);
    }

    private static void atMostOneOf(String minVersion, String asOf, String atVersion) {
        List<String> given = new ArrayList<>();
        for (String[] mode : new String[][] {{"minVersion", minVersion}, {"asOf", asOf}, {"atVersion", atVersion}}) {
            if (mode[1] != null) {
                given.add(mode[0]);
            }
        }
        if (given.size() > 1) {
            throw new InvalidRequest(given.stream()
                    .map(name -> new FieldViolation(name, "use at most one of minVersion, asOf and atVersion")).toList());
        }
    }

    private ContactProfile current(String workspaceId, String contactId) {
        return present(store.find(workspaceId, contactId).orElseThrow(() -> new NotFound("contact " + contactId + " not found")));
    }

    /** A contact merged into another is gone (410 naming the survivor); as it stood before the merge it still reads. */
    private static ContactProfile present(ContactProfile profile) {
        if (profile.wasErased()) {
            throw new Erased(profile.contactId());
        }
        if (profile.mergedInto() != null) {
            throw new MergedAway(profile.contactId(), profile.mergedInto());
        }
        return profile;
    }

    private static Instant instant(String raw) {
        try {
            return Instant.parse(raw);
        } catch (DateTimeParseException e) {
            throw new InvalidRequest("asOf", "must be an ISO-8601 instant such as 2026-01-31T09:30:00Z");
        }
    }
}
