package io.contactledger.query.feed;

import java.util.List;

import io.contactledger.query.web.PathIds;
import io.contactledger.query.web.QueryNumbers;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.DeferredResult;

/**
 * {@code GET /events} (DESIGN §10): the workspace's events in feed order. A consumer keeps the
 * {@code nextAfter} of each page and passes it as {@code after}: it sees every event once, in order,
 * whichever query-side instance answers, because positions commit in order (FeedStore).
 */
@RestController
class FeedController {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1_000;
    static final int MAX_WAIT_SECONDS = 30;

    private final FeedStore store;
    private final FeedWaits waits;

    FeedController(FeedStore store, FeedWaits waits) {
        this.store = store;
        this.waits = waits;
    }

    @GetMapping(path = "/api/v1/workspaces/{workspaceId}/events", produces = MediaType.APPLICATION_JSON_VALUE)
    DeferredResult<FeedPage> events(@PathVariable String workspaceId, @RequestParam(required = false) String after,
            @RequestParam(required = false) String limit, @RequestParam(required = false) String wait) {
        PathIds.check(workspaceId, null);
        long from = after == null ? 0 : QueryNumbers.nonNegative("after", after);
        int pageSize = QueryNumbers.inRange("limit", limit, 1, MAX_LIMIT, DEFAULT_LIMIT);
        int waitSeconds = QueryNumbers.inRange("wait", wait, 0, MAX_WAIT_SECONDS, 0);
        List<FeedEvent> events = store.page(workspaceId, from, pageSize);
        if (!events.isEmpty() || waitSeconds == 0) {
            DeferredResult<FeedPage> now = new DeferredResult<>();
            now.setResult(FeedPage.of(events, from));
            return now;
        }
        return waits.await(workspaceId, from, pageSize, waitSeconds * 1_000L);
    }
}
