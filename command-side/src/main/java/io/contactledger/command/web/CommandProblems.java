package io.contactledger.command.web;

import java.util.Map;

import io.contactledger.command.claims.CustomerIdAlreadyLinked;
import io.contactledger.command.claims.CustomerIdClaimed;
import io.contactledger.command.fields.FieldTypeChange;
import io.contactledger.command.contact.ContactMergedAway;
import io.contactledger.command.contact.ContactWasErased;
import io.contactledger.command.contact.MergeRefused;
import io.contactledger.command.imports.ImportNotFound;
import io.contactledger.command.notes.NoteNotFound;
import io.contactledger.command.violations.LimitReached;
import io.contactledger.command.violations.RulesBroken;
import io.contactledger.command.security.AccessRefused;
import io.contactledger.command.security.TooManyRequests;
import io.contactledger.support.web.FieldViolation;
import io.contactledger.support.web.ProblemHandlerBase;
import io.contactledger.support.web.Problems;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Every command-side failure, mapped to problem+json in this one place. */
@RestControllerAdvice
class CommandProblems extends ProblemHandlerBase {

    @ExceptionHandler(RulesBroken.class)
    ResponseEntity<Object> rulesBroken(RulesBroken e) {
        return Problems.invalid(e.violations().stream().map(v -> new FieldViolation(v.field(), v.message())).toList());
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<Object> contactNotFound(AggregateNotFoundException e) {
        return Problems.of(HttpStatus.NOT_FOUND, "contact-not-found", "contact not found");
    }

    @ExceptionHandler(ContactMergedAway.class)
    ResponseEntity<Object> mergedAway(ContactMergedAway e) {
        return Problems.of(HttpStatus.CONFLICT, "contact-merged", e.getMessage(), Map.of("mergedInto", e.survivorId()));
    }

    @ExceptionHandler(ContactWasErased.class)
    ResponseEntity<Object> erased(ContactWasErased e) {
        return Problems.of(HttpStatus.CONFLICT, "contact-erased", e.getMessage(), Map.of("erased", true));
    }

    @ExceptionHandler(MergeRefused.class)
    ResponseEntity<Object> mergeRefused(MergeRefused e) {
        return Problems.of(HttpStatus.CONFLICT, "merge-refused", e.getMessage());
    }

    @ExceptionHandler(ImportNotFound.class)
    ResponseEntity<Object> importNotFound(ImportNotFound e) {
        return Problems.of(HttpStatus.NOT_FOUND, "import-not-found", e.getMessage());
    }

    @ExceptionHandler(NoteNotFound.class)
    ResponseEntity<Object> noteNotFound(NoteNotFound e) {
        return Problems.of(HttpStatus.NOT_FOUND, "note-not-found", e.getMessage());
    }

    @ExceptionHandler(AggregateStreamCreationException.class)
    ResponseEntity<Object> contactExists(AggregateStreamCreationException e) {
        return Problems.of(HttpStatus.CONFLICT, "contact-exists", "a contact with this id already exists");
    }

    @ExceptionHandler(CustomerIdClaimed.class)
    ResponseEntity<Object> customerIdClaimed(CustomerIdClaimed e) {
        return Problems.of(HttpStatus.CONFLICT, "customer-id-claimed", e.getMessage(),
                Map.of("existingContactId", e.existingContactId()));
    }

    @ExceptionHandler(CustomerIdAlreadyLinked.class)
    ResponseEntity<Object> customerIdAlreadyLinked(CustomerIdAlreadyLinked e) {
        return Problems.of(HttpStatus.CONFLICT, "customer-id-linked", e.getMessage());
    }

    @ExceptionHandler(FieldTypeChange.class)
    ResponseEntity<Object> fieldTypeChange(FieldTypeChange e) {
        return Problems.of(HttpStatus.CONFLICT, "field-type-immutable", e.getMessage());
    }

    @ExceptionHandler(LimitReached.class)
    ResponseEntity<Object> limitReached(LimitReached e) {
        return Problems.of(HttpStatus.CONFLICT, "limit-reached", e.getMessage());
    }

    @ExceptionHandler(AccessRefused.class)
    ResponseEntity<Object> accessRefused(AccessRefused e) {
        return Problems.of(HttpStatus.FORBIDDEN, "forbidden", e.getMessage());
    }

    @ExceptionHandler(TooManyRequests.class)
    ResponseEntity<Object> tooManyRequests(TooManyRequests e) {
        return Problems.retryLater(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", e.getMessage());
    }

    /** Only after every retry lost the race for the same contact: the client may simply retry. */
    @ExceptionHandler(ConcurrencyException.class)
    ResponseEntity<Object> contention(ConcurrencyException e) {
        return Problems.retryLater(HttpStatus.SERVICE_UNAVAILABLE, "contention", "the contact is being changed concurrently; retry");
    }
}
