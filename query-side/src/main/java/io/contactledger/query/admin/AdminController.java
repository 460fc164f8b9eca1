package io.contactledger.query.admin;

import java.util.List;
import java.util.Map;

import io.contactledger.query.web.NotFound;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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

    AdminController(Projections projections, RebuildCoordinator rebuilds) {
        this.projections = projections;
        this.rebuilds = rebuilds;
    }

    @GetMapping
    List<ProjectionStatus> status() {
        return projections.statuses(rebuilds::state);
    }

    @PostMapping("/{name}/rebuild")
    @ApiResponse(responseCode = "202", description = "Every instance stops the projection, the tokens are reset and it replays")
    ResponseEntity<Map<String, String>> rebuild(@PathVariable String name) {
        if (!projections.names().contains(name)) {
            throw new NotFound("no projection named " + name);
        }
        long generation = rebuilds.request(name);
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .body(Map.of("name", name, "rebuild", "requested", "generation", Long.toString(generation)));
    }
}
