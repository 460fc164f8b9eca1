package io.contactledger.query.admin;

import java.util.List;
import java.util.Map;

import io.contactledger.query.profile.LiveTables;
import io.contactledger.query.web.NotFound;
import io.contactledger.query.feed.EventFeedProjection;
import io.contactledger.query.web.NotRebuildable;
import io.contactledger.query.web.NothingToCancel;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Operator endpoints, global because processors serve every workspace. */
@RestController
@RequestMapping(path = "/admin/projections", produces = MediaType.APPLICATION_JSON_VALUE)
class AdminController {

    private final Projections projections;
    private final RebuildCoordinator rebuilds;
    private final ProfileRebuild profileRebuild;

    AdminController(Projections projections, RebuildCoordinator rebuilds, ProfileRebuild profileRebuild) {
        this.projections = projections;
        this.rebuilds = rebuilds;
        this.profileRebuild = profileRebuild;
    }

    @GetMapping
    List<ProjectionStatus> status() {
        return projections.statuses(rebuilds::state).stream()
                .map(status -> LiveTables.MODEL.equals(status.name()) ? status.withBuild(profileRebuild.state().orElse(null)) : status)
                .toList();
    }

    @PostMapping("/{name}/rebuild")
    @ApiResponse(responseCode = "202", description = "The profiles are rebuilt into a second copy while the live one serves,"
            + " then switched to atomically; other projections stop on every instance, reset and replay")
    ResponseEntity<Map<String, String>> rebuild(@PathVariable String name) {
        if (!projections.names().contains(name)) {
            throw new NotFound("no projection named " + name);
        }
        if (EventFeedProjection.NAME.equals(name)) {
            throw new NotRebuildable("the event feed is append-only: integrations hold its positions, so it is never rebuilt");
        }
        long generation = LiveTables.MODEL.equals(name) ? profileRebuild.start() : rebuilds.request(name);
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .body(Map.of("name", name, "rebuild", "requested", "generation", Long.toString(generation)));
    }

    @DeleteMapping("/{name}/rebuild")
    @ApiResponse(responseCode = "200", description = "The rebuild under way is cancelled; the live read model is untouched")
    Map<String, String> cancel(@PathVariable String name) {
        if (!projections.names().contains(name)) {
            throw new NotFound("no projection named " + name);
        }
        if (!LiveTables.MODEL.equals(name) || !profileRebuild.cancel()) {
            throw new NothingToCancel("no rebuild of " + name + " is under way");
        }
        return Map.of("name", name, "rebuild", "cancelled");
    }
}
