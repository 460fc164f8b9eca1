package io.contactledger.query.admin;

import java.util.List;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** Health includes the projections: DOWN when a processor is in error, with every lag as detail. */
@Component("projectionsHealthIndicator")
class ProjectionsHealth implements HealthIndicator {

    private final Projections projections;

    ProjectionsHealth(Projections projections) {
        this.projections = projections;
    }

    @Override
    public Health health() {
        Health.Builder health = Health.up();
        List<ProjectionStatus> statuses;
        try {
            statuses = projections.statuses(name -> "");
        } catch (RuntimeException e) {
            // the status is read from the database: while it is unreachable, health says so (never a 500)
            return Health.down().withDetail("error", "database unavailable").build();
        }
        for (ProjectionStatus status : statuses) {
            if (status.error()) {
                health.down();
            }
            health.withDetail(status.name(), java.util.Map.of("lag", status.lag(), "replaying", status.replaying(),
                    "running", status.running(), "error", status.error()));
        }
        return health.build();
    }
}
