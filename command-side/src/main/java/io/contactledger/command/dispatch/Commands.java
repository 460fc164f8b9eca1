package io.contactledger.command.dispatch;

import java.time.Duration;

import io.contactledger.command.CommandSideSettings;
import io.contactledger.support.web.DatabaseUnavailable;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.stereotype.Component;

/**
 * Sends a command and waits for its answer, deciding it again when another instance changed the
 * same aggregate first: the store's unique (aggregate, sequence) key refused our append, or the
 * latest-state check found the store ahead of the copy we decided on; a refusal is decided once
 * more on a fresh load before it is answered. Retries run on the calling thread, inside the
 * caller's transaction if it has one.
 */
@Component
public class Commands {

    private final CommandGateway gateway;
    private final int maxRetries;
    private final Duration retryInterval;

    public Commands(CommandGateway gateway, CommandSideSettings settings) {
        this.gateway = gateway;
        this.maxRetries = settings.commands().maxRetries();
        this.retryInterval = settings.commands().retryInterval();
    }

    /** Sends a command to an existing aggregate, or one created on first use. */
    public <R> R send(Object command) {
        return send(command, true);
    }

    /** Sends a command that creates its aggregate: a stream that already exists is the answer, not a race. */
    public <R> R create(Object command) {
        return send(command, false);
    }

    private <R> R send(Object command, boolean toExisting) {
        boolean refused = false;
        for (int attempt = 0; ; attempt++) {
            try {
                return gateway.sendAndWait(command);
            } catch (ConcurrencyException | AggregateStreamCreationException e) {
                boolean raced = e instanceof ConcurrencyException || toExisting;
                if (!raced || attempt >= maxRetries) {
                    throw e;
                }
                pause();
            } catch (RuntimeException e) {
                // A refusal (unknown note, tag limit, linked ID) may come from a cached copy that
                // missed another instance's events. The failed unit of work dropped that copy, so
                // deciding once more decides on the store's latest state.
                if (!toExisting || refused || DatabaseUnavailable.isCause(e)) {
                    throw e;
                }
                refused = true;
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(retryInterval.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConcurrencyException("interrupted while waiting to retry");
        }
    }
}
