package io.contactledger.query.web;

import io.contactledger.support.web.ProblemHandlerBase;
import io.contactledger.support.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Every query-side failure, mapped to problem+json in this one place. */
@RestControllerAdvice
class QueryProblems extends ProblemHandlerBase {

    @ExceptionHandler(NotFound.class)
    ResponseEntity<Object> notFound(NotFound e) {
        return Problems.of(HttpStatus.NOT_FOUND, "not-found", e.getMessage());
    }

    @ExceptionHandler(NotYetProjected.class)
    ResponseEntity<Object> notYetProjected(NotYetProjected e) {
        return Problems.retryLater(HttpStatus.SERVICE_UNAVAILABLE, "not-yet-projected", e.getMessage());
    }

    @ExceptionHandler(StreamLimitReached.class)
    ResponseEntity<Object> streamLimitReached(StreamLimitReached e) {
        return Problems.retryLater(HttpStatus.SERVICE_UNAVAILABLE, "too-many-streams", e.getMessage());
    }

    @ExceptionHandler(NothingToCancel.class)
    ResponseEntity<Object> nothingToCancel(NothingToCancel e) {
        return Problems.of(HttpStatus.CONFLICT, "nothing-to-cancel", e.getMessage());
    }

    @ExceptionHandler(NotRebuildable.class)
    ResponseEntity<Object> notRebuildable(NotRebuildable e) {
        return Problems.of(HttpStatus.CONFLICT, "not-rebuildable", e.getMessage());
    }

    @ExceptionHandler(Erased.class)
    ResponseEntity<Object> erased(Erased e) {
        return Problems.of(HttpStatus.GONE, "contact-erased", e.getMessage(), java.util.Map.of("erased", true));
    }

    @ExceptionHandler(MergedAway.class)
    ResponseEntity<Object> mergedAway(MergedAway e) {
        return Problems.of(HttpStatus.GONE, "contact-merged", e.getMessage(), java.util.Map.of("mergedInto", e.survivorId()));
    }
}
