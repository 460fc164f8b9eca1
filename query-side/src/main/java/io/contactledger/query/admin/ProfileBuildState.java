package io.contactledger.query.admin;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The latest blue/green rebuild of the profile read model, as every instance reads it from
 * {@code read_model_build}: building (a copy is filled beside the live one), switching (the
 * projection is held while the copy takes the last events and becomes live), done, failed or
 * cancelled; with its progress.
 */
public record ProfileBuildState(long id,
        @Schema(allowableValues = {"building", "switching", "done", "failed", "cancelled"}) String state,
        @Schema(description = "the copy being built: a or b") String target,
        long eventsDone, long eventsTotal,
        @Schema(types = {"number", "null"}) Double eventsPerSecond,
        @Schema(types = {"string", "null"}, format = "date-time") Instant estimatedEnd,
        Instant startedAt,
        @Schema(types = {"string", "null"}, format = "date-time") Instant finishedAt,
        @Schema(types = {"string", "null"}) String error) {

    static final String BUILDING = "building";
    static final String SWITCHING = "switching";
    static final String DONE = "done";
    static final String FAILED = "failed";
    static final String CANCELLED = "cancelled";

    boolean underway() {
        return BUILDING.equals(state) || SWITCHING.equals(state);
    }
}
