package io.contactledger.query.webhooks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.contactledger.support.threads.DaemonThreads;
import io.contactledger.query.QuerySideSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers webhooks (DESIGN §10), on every query-side instance. Each tick it fans the event feed
 * out into deliveries (one instance at a time, under the fan-out cursor's lock), then leases due
 * deliveries and sends them on a pool of its own: a slow receiver takes at most
 * {@code perSubscription} of its senders and never the projections' threads. At least once: a
 * lease outlives the request's timeout, so a delivery is sent again only when its sender died
 * mid-flight (receivers deduplicate by {@code Ledger-Delivery-Id}).
 */
@Component
class WebhookDispatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);
    private static final int FANOUT_BATCH = 1_000;
    private static final int FANOUT_BATCHES_PER_TICK = 20;

    private final WebhookStore store;
    private final WebhookUrls urls;
    private final QuerySideSettings.Webhooks settings;
    private final TransactionTemplate transaction;
    private final String owner = "webhooks-" + UUID.randomUUID();
    private final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
    private final AtomicInteger sending = new AtomicInteger();
    private final HttpClient http;
    // made on each start: a stopped context may be started again
    private ScheduledExecutorService ticker;
    private ExecutorService senders;
    private volatile boolean running;

    WebhookDispatcher(WebhookStore store, WebhookUrls urls, QuerySideSettings settings, PlatformTransactionManager transactions) {
        this.store = store;
        this.urls = urls;
        this.settings = settings.webhooks();
        this.transaction = new TransactionTemplate(transactions);
        this.http = HttpClient.newBuilder().connectTimeout(this.settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    private void tick() {
        try {
            List<Webhook> subscriptions = store.enabled();
            fanOut(subscriptions);
            purgeNowAndThen();
            for (Webhook subscription : subscriptions) {
                send(subscription);
            }
        } catch (RuntimeException e) {
            log.warn("webhook delivery round failed; the next one tries again: {}", e.toString());
        }
    }

    private long lastPurge;

    /** Delivered deliveries are kept a week for admins to look at, then deleted; parked ones stay. */
    private void purgeNowAndThen() {
        long now = System.currentTimeMillis();
        if (now - lastPurge > Duration.ofMinutes(10).toMillis()) {
            lastPurge = now;
            store.purgeDelivered(now - Duration.ofDays(7).toMillis());
        }
    }

    private void fanOut(List<Webhook> subscriptions) {
        for (int batch = 0; batch < FANOUT_BATCHES_PER_TICK && running; batch++) {
            Integer passed = transaction.execute(status -> store.fanOut(subscriptions, FANOUT_BATCH, System.currentTimeMillis()));
            if (passed == null || passed < FANOUT_BATCH) {
                return;
            }
        }
    }

    /** Fills the subscription's free senders with due deliveries; runs on the ticker thread only. */
    private void send(Webhook subscription) {
        String key = subscription.workspaceId() + "/" + subscription.name();
        AtomicInteger busy = inFlight.computeIfAbsent(key, k -> new AtomicInteger());
        int room = Math.min(settings.perSubscription() - busy.get(), settings.senders() - sending.get());
        if (room <= 0 || !running) {
            return;
        }
        long now = System.currentTimeMillis();
        for (WebhookStore.Ready ready : store.ready(subscription, now, room)) {
            if (!store.lease(ready.deliveryId(), owner, now, now + settings.lease().toMillis())) {
                continue;
            }
            busy.incrementAndGet();
            sending.incrementAndGet();
            senders.execute(() -> {
                try {
                    attempt(subscription, ready);
                } catch (RuntimeException e) {
                    log.warn("webhook delivery {} could not be recorded; its lease runs out and it is sent again", ready.deliveryId(), e);
                } finally {
                    busy.decrementAndGet();
                    sending.decrementAndGet();
                    // the next due delivery goes at once, not at the next tick
                    nextRound(subscription);
                }
            });
        }
    }

    private void nextRound(Webhook subscription) {
        if (!running) {
            return;
        }
        try {
            ticker.execute(() -> {
                try {
                    send(subscription);
                } catch (RuntimeException e) {
                    log.debug("webhook round failed; the next tick tries again", e);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException stopping) {
            // shutting down: what is due stays due
        }
    }

    private void attempt(Webhook subscription, WebhookStore.Ready ready) {
        Optional<String> refused = urls.refusal(subscription.url());
        if (refused.isPresent()) {
            failed(ready, null, "url " + refused.get());
            return;
        }
        byte[] body = store.body(ready.position()).orElseThrow();
        long unixSeconds = System.currentTimeMillis() / 1_000;
        HttpRequest request = HttpRequest.newBuilder(URI.create(subscription.url()))
                .timeout(settings.timeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", "ContactLedger-Webhooks/1")
                .header("Ledger-Delivery-Id", ready.deliveryId())
                .header("Ledger-Signature", WebhookSignature.header(subscription.secret(), unixSeconds, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 == 2) {
                store.delivered(ready.deliveryId(), owner, response.statusCode(), System.currentTimeMillis());
            } else {
                failed(ready, response.statusCode(), "answered " + response.statusCode());
            }
        } catch (java.io.IOException e) {
            failed(ready, null, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void failed(WebhookStore.Ready ready, Integer status, String error) {
        store.attemptFailed(ready.deliveryId(), owner, status, error, System.currentTimeMillis(), this::backoff,
                settings.retryWindow().toMillis());
    }

    /** The wait before attempt {@code attempts + 1}: the first retry's delay, doubled each time, capped. */
    long backoff(long attempts) {
        long first = settings.firstRetry().toMillis();
        long cap = settings.maxRetryInterval().toMillis();
        long delay = attempts >= 40 ? cap : Math.min(cap, first << Math.max(0, attempts - 1));
        return delay + (long) (Math.random() * delay / 10);
    }

    @Override
    public void start() {
        running = true;
        ticker = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("webhooks"));
        senders = Executors.newFixedThreadPool(settings.senders(), DaemonThreads.named("webhooks-send"));
        ticker.scheduleWithFixedDelay(this::tick, settings.pollIntervalMs(), settings.pollIntervalMs(), TimeUnit.MILLISECONDS);
    }

    /** Sends under way finish (or time out) before the database goes; what is left is leased and sent again later. */
    @Override
    public void stop() {
        running = false;
        ticker.shutdown();
        senders.shutdown();
        try {
            senders.awaitTermination(settings.timeout().toMillis() + 1_000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

}
