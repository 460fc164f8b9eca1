package io.contactledger.support.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * No Docker engine runs here, so the compose file and Dockerfiles are checked by reading them:
 * the services, ports and database wiring the README promises.
 */
class DockerFilesTest {

    private static final Path DOCKER = Path.of("../docker");

    @SuppressWarnings("unchecked")
    private static Map<String, Object> service(Map<String, Object> compose, String name) {
        return (Map<String, Object>) ((Map<String, Object>) compose.get("services")).get(name);
    }

    @Test
    @SuppressWarnings("unchecked")
    void composeRunsPostgresAndBothSidesWiredThroughLedgerDbVariables() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(DOCKER.resolve("compose.yaml")));

        assertThat(((Map<String, Object>) compose.get("services")).keySet())
                .containsExactlyInAnyOrder("postgres", "command-side", "query-side");
        Map<String, Object> postgres = service(compose, "postgres");
        Map<String, String> pgEnv = (Map<String, String>) postgres.get("environment");
        assertThat(postgres.get("healthcheck")).isNotNull();
        for (String[] side : new String[][] {{"command-side", "8081"}, {"query-side", "8082"}}) {
            Map<String, Object> service = service(compose, side[0]);
            Map<String, String> env = (Map<String, String>) service.get("environment");
            assertThat(env.get("LEDGER_DB_URL")).isEqualTo("jdbc:postgresql://postgres:5432/" + pgEnv.get("POSTGRES_DB"));
            assertThat(env.get("LEDGER_DB_USER")).isEqualTo(pgEnv.get("POSTGRES_USER"));
            assertThat(env.get("LEDGER_DB_PASSWORD")).isEqualTo(pgEnv.get("POSTGRES_PASSWORD"));
            assertThat(env.get("SERVER_PORT")).isEqualTo(side[1]);
            assertThat((List<String>) service.get("ports")).containsExactly(side[1] + ":" + side[1]);
            Map<String, Object> build = (Map<String, Object>) service.get("build");
            assertThat(DOCKER.resolve((String) build.get("context")).resolve((String) build.get("dockerfile"))).exists();
            assertThat(((Map<String, Object>) service.get("depends_on")).get("postgres"))
                    .isEqualTo(Map.of("condition", "service_healthy"));
        }
    }

    @Test
    void eachDockerfileBuildsInOneStageRunsInAnotherAsANonRootUserWithAHealthcheck() throws IOException {
        for (String side : List.of("command-side", "query-side")) {
            String dockerfile = Files.readString(DOCKER.resolve("Dockerfile." + side));
            assertThat(dockerfile).contains("AS build").containsPattern("(?m)^FROM .*jre");
            assertThat(dockerfile).contains("COPY --from=build /src/" + side + "/target/" + side + ".jar");
            assertThat(dockerfile).containsPattern("(?m)^USER (?!root)\\w+");
            assertThat(dockerfile).containsPattern("(?m)^HEALTHCHECK .*\\n?.*actuator/health");
            assertThat(dockerfile).contains("EXPOSE " + (side.equals("command-side") ? "8081" : "8082"));
        }
    }
}
