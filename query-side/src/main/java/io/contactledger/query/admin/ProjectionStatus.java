package io.contactledger.query.admin;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Where a projection stands: the lowest position its segments reached, the head of the event store,
 * how far behind it is, whether it is replaying (a rebuild or a first catch-up), and the state of
 * the last rebuild asked of this instance; {@code errorReason} says why a segment this instance
 * runs is in error (Axon retries it with backoff meanwhile); {@code phase}, {@code eventsPerSecond} and
 * {@code estimatedEnd} tell a person how a replay or catch-up is going.
 */
public record ProjectionStatus(String name, long position, long head, long lag, boolean replaying,
        boolean running, boolean error, @Schema(types = {"string", "null"}) String errorReason, int segments, String rebuild,
        @Schema(allowableValues = {"live", "catching-up", "replaying", "stopped", "error"}) String phase,
        @Schema(types = {"number", "null"}, description = "events per second over the last ten seconds of status reads")
        Double eventsPerSecond,
        @Schema(types = {"string", "null"}, format = "date-time", description = "when the lag should reach 0 at that rate")
        java.time.Instant estimatedEnd,
        @Schema(description = "the latest blue/green rebuild: the profile projection, once one was asked")
        @JsonInclude(JsonInclude.Include.NON_NULL) ProfileBuildState build) {

    ProjectionStatus withBuild(ProfileBuildState build) {
        return new ProjectionStatus(name, position, head, lag, replaying, running, error, errorReason, segments,
                build == null ? rebuild : build.state(), phase, eventsPerSecond, estimatedEnd, build);
    }
}
