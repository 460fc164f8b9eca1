package io.contactledger.query.deadletters;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.contactledger.query.web.NotFound;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Operators see the events a projection parked and retry them once the cause is fixed. */
@RestController
@RequestMapping(path = "/admin/projections/{name}/dead-letters", produces = MediaType.APPLICATION_JSON_VALUE)
class DeadLetterController {

    private final EventProcessingConfiguration processing;

    DeadLetterController(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    /** One parked event: which contact's stream, which event, why, since when. */
    record ParkedEvent(String sequence, String eventId, String type, @Schema(types = {"string", "null"}) String aggregateId,
            @Schema(types = {"integer", "null"}) Long sequenceNumber, @Schema(types = {"string", "null"}) String cause,
            Instant enqueuedAt, @Schema(types = {"string", "null"}, format = "date-time") Instant lastTouched) {
    }

    record Retried(String name, int sequencesApplied, long stillParked) {
    }

    @GetMapping
    List<ParkedEvent> list(@PathVariable String name) {
        List<ParkedEvent> parked = new ArrayList<>();
        for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue(name).deadLetters()) {
            for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
                EventMessage<?> event = letter.message();
                DomainEventMessage<?> domain = event instanceof DomainEventMessage<?> d ? d : null;
                parked.add(new ParkedEvent(domain != null ? domain.getAggregateIdentifier() : event.getIdentifier(),
                        event.getIdentifier(), event.getPayloadType().getSimpleName(),
                        domain != null ? domain.getAggregateIdentifier() : null,
                        domain != null ? domain.getSequenceNumber() : null,
                        letter.cause().map(cause -> cause.type() + ": " + cause.message()).orElse(null),
                        letter.enqueuedAt(), letter.lastTouched()));
            }
        }
        return parked;
    }

    /** Retries every parked sequence once, oldest first; a sequence that fails again stays parked. */
    @PostMapping("/retry")
    Retried retry(@PathVariable String name) {
        SequencedDeadLetterProcessor<EventMessage<?>> processor = processing.sequencedDeadLetterProcessor(name)
                .orElseThrow(() -> new NotFound("no dead-letter queue for " + name));
        long sequences = queue(name).amountOfSequences();
        int applied = 0;
        for (long i = 0; i < sequences; i++) {
            if (processor.processAny()) {
                applied++;
            }
        }
        return new Retried(name, applied, queue(name).amountOfSequences());
    }

    private SequencedDeadLetterQueue<EventMessage<?>> queue(String name) {
        return processing.deadLetterQueue(name).orElseThrow(() -> new NotFound("no dead-letter queue for " + name));
    }

}
