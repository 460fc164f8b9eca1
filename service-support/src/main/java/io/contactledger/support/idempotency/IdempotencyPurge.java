package io.contactledger.support.idempotency;

import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.contactledger.support.threads.DaemonThreads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * Deletes answers older than the retention. Every instance runs it; a plain DELETE by age is
 * safe when two run at once (the second finds nothing left), so no leader is needed.
 */
@Component
public class IdempotencyPurge implements InitializingBean, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyPurge.class);

    private final IdempotentRequests requests;
    private final IdempotencySettings settings;
    private final Clock clock = Clock.systemUTC();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("idempotency-purge"));

    IdempotencyPurge(IdempotentRequests requests, IdempotencySettings settings) {
        this.requests = requests;
        this.settings = settings;
    }

    @Override
    public void afterPropertiesSet() {
        long every = settings.purgeInterval().toMillis();
        timer.scheduleWithFixedDelay(this::purge, every, every, TimeUnit.MILLISECONDS);
    }

    public int purge() {
        try {
            int purged = requests.purgeOlderThan(clock.millis() - settings.retention().toMillis());
            if (purged > 0) {
                log.info("purged {} idempotency answers older than {}", purged, settings.retention());
            }
            return purged;
        } catch (DataAccessException e) {
            log.warn("idempotency purge skipped: {}", e.getMessage());
            return 0;
        }
    }

    @Override
    public void destroy() {
        timer.shutdownNow();
    }
}
