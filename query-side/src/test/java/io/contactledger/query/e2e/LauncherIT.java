package io.contactledger.query.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import io.contactledger.support.testing.Http;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher as a new user meets it: {@code ./ledger} in a fresh directory starts both sides on
 * loopback only, with a generated database password; a second start, from the same directory or on
 * the same ports, refuses with a non-zero exit and touches nothing of the running instance;
 * {@code ./ledger demo} reaches its summary every time; Ctrl-C stops both sides.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LauncherIT {

    @TempDir
    static Path home;
    private static Path install;
    private static Process launcher;
    private static Path output;
    private static int commandPort;
    private static int queryPort;

    @BeforeAll
    static void launch() throws Exception {
        install = installation(home.resolve("a"));
        commandPort = ServiceProcess.freePort();
        queryPort = ServiceProcess.freePort();
        output = home.resolve("launcher.out");
        launcher = ledger(install, output).start();
        awaitOutput(output, "Contact Ledger is running", Duration.ofSeconds(120));
    }

    @AfterAll
    static void stop() throws Exception {
        if (launcher != null && launcher.isAlive()) {
            launcher.destroyForcibly();
        }
        new ProcessBuilder("bash", "-c", "pkill -f " + install + " || true").start().waitFor();
    }

    /** A directory laid out like a checkout with built jars: the launcher, the two sides and the demo's client. */
    private static Path installation(Path dir) throws IOException {
        Path root = Path.of(System.getProperty("user.dir")).getParent();
        Files.createDirectories(dir.resolve("command-side/target"));
        Files.createDirectories(dir.resolve("query-side/target"));
        Files.createDirectories(dir.resolve("bench/target"));
        Files.copy(root.resolve("ledger"), dir.resolve("ledger"));
        Files.setPosixFilePermissions(dir.resolve("ledger"), Set.of(PosixFilePermission.OWNER_READ,
                PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE));
        Files.copy(root.resolve("command-side/target/command-side.jar"), dir.resolve("command-side/target/command-side.jar"));
        Files.copy(root.resolve("query-side/target/query-side.jar"), dir.resolve("query-side/target/query-side.jar"));
        Files.copy(root.resolve("bench/target/bench.jar"), dir.resolve("bench/target/bench.jar"));
        return dir;
    }

    private static ProcessBuilder ledger(Path dir, Path out, String... args) {
        List<String> command = new ArrayList<>(List.of("bash", dir.resolve("ledger").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(out.toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("LEDGER_"));
        env.put("COMMAND_PORT", Integer.toString(commandPort));
        env.put("QUERY_PORT", Integer.toString(queryPort));
        env.put("JAVA_OPTS", "-Xmx384m");
        return builder;
    }

    private static void awaitOutput(Path out, String text, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            String seen = Files.exists(out) ? Files.readString(out) : "";
            if (seen.contains(text)) {
                return;
            }
            if (!launcher.isAlive()) {
                throw new AssertionError("the launcher exited: " + seen + logs());
            }
            Thread.sleep(250);
        }
        throw new AssertionError("no '" + text + "' in the launcher's output: " + Files.readString(out) + logs());
    }

    private static String logs() throws IOException {
        Path data = install.resolve("data");
        StringBuilder all = new StringBuilder();
        for (String log : List.of("command-side.log", "query-side.log")) {
            if (Files.exists(data.resolve(log))) {
                all.append("\n--- ").append(log).append('\n').append(Files.readString(data.resolve(log)));
            }
        }
        return all.toString();
    }

    private static String keysEnv(String name) throws IOException {
        return Files.readAllLines(install.resolve("data/keys.env")).stream()
                .filter(line -> line.startsWith(name + "=")).map(line -> line.substring(name.length() + 1))
                .findFirst().orElse(null);
    }

    private static String run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor(30, TimeUnit.SECONDS);
        return out;
    }

    @Test
    @Order(1)
    void theDefaultRunListensOnLoopbackOnlyWithAPasswordAndAQuietHealth() throws Exception {
        String listening = run("ss", "-ltnpH");
        List<String> ours = listening.lines().filter(line -> line.contains("java")).filter(line ->
                line.contains(":" + commandPort + " ") || line.contains(":" + queryPort + " ") || isChildOf(line)).toList();
        assertThat(ours).isNotEmpty().allSatisfy(line -> assertThat(line).containsAnyOf("127.0.0.1:", "[::ffff:127.0.0.1]:", "[::1]:"));
        assertThat(keysEnv("LEDGER_H2_PASSWORD")).isNotBlank();
        assertThat(Files.getPosixFilePermissions(install.resolve("data/keys.env")))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        JsonNode health = new Http("http://127.0.0.1:" + queryPort).get("/actuator/health").json();
        assertThat(health.get("status").asText()).isEqualTo("UP");
        assertThat(health.has("components")).isFalse();
        assertThat(health.has("details")).isFalse();
        String logs = logs();
        assertThat(logs).doesNotContain("generated security password").doesNotContain("newer than");
        // the Axon start-up flags are set once, by each application's main
        assertThat(logs).contains("opted out of the AxonIQ UpdateChecker");
        assertThat(Files.readString(output)).doesNotContain("\u001b[");
    }

    /** The H2 server socket belongs to one of the two java processes the launcher started. */
    private static boolean isChildOf(String ssLine) {
        return launcher.descendants().anyMatch(p -> ssLine.contains("pid=" + p.pid() + ","));
    }

    @Test
    @Order(2)
    void aSecondStartRefusesAndLeavesTheRunningInstanceAlone() throws Exception {
        Path logs = install.resolve("data");
        long commandLog = Files.size(logs.resolve("command-side.log"));
        long queryLog = Files.size(logs.resolve("query-side.log"));

        Path sameDir = home.resolve("same-dir.out");
        Process again = ledger(install, sameDir).start();
        Path otherDir = home.resolve("other-dir.out");
        Process elsewhere = ledger(installation(home.resolve("b")), otherDir).start();

        assertThat(again.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(elsewhere.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(again.exitValue()).isNotZero();
        assertThat(Files.readString(sameDir)).contains("already running");
        assertThat(elsewhere.exitValue()).isNotZero();
        assertThat(Files.readString(otherDir)).contains("Port " + commandPort);
        assertThat(Files.size(logs.resolve("command-side.log"))).isGreaterThanOrEqualTo(commandLog);
        assertThat(Files.size(logs.resolve("query-side.log"))).isGreaterThanOrEqualTo(queryLog);
        assertThat(Files.readString(logs.resolve("command-side.log"))).doesNotContain("already in use");
        assertThat(launcher.isAlive()).isTrue();
    }

    @Test
    @Order(3)
    void theDemoReachesItsSummaryEveryTime() throws Exception {
        for (int i = 0; i < 10; i++) {
            Path out = home.resolve("demo-" + i + ".out");
            ProcessBuilder demo = ledger(install, out, "demo");
            demo.environment().put("VISITORS", "8");
            Process process = demo.start();
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
            String printed = Files.readString(out);
            assertThat(process.exitValue()).as(printed).isZero();
            assertThat(printed).as("run %d", i).containsPattern("Done: 8 visitors, \\d+ successful commands, 0 failed");
        }
    }

    @Test
    @Order(4)
    void theReadmeTourAnswersWhatTheReadmeSays() throws Exception {
        Path root = Path.of(System.getProperty("user.dir")).getParent();
        Path failures = home.resolve("readme-failures.txt");
        Files.writeString(failures, "");
        Path script = home.resolve("readme-tour.sh");
        Files.writeString(script, ReadmeTour.script(root.resolve("README.md"), commandPort, queryPort, failures));
        Path out = home.resolve("readme-tour.out");

        Process tour = new ProcessBuilder("bash", script.toString()).directory(install.toFile())
                .redirectErrorStream(true).redirectOutput(out.toFile()).start();

        assertThat(tour.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(Files.readString(failures)).as(Files.readString(out)).isEmpty();
        assertThat(Files.readString(out)).contains("\"contactId\":\"ada\"").contains("Asked about enterprise pricing");
    }

    @Test
    @Order(5)
    void ctrlCStopsBothSides() throws Exception {
        List<ProcessHandle> sides = launcher.descendants().filter(p -> p.info().command().orElse("").endsWith("java")).toList();
        assertThat(sides).hasSize(2);

        run("kill", "-INT", Long.toString(launcher.pid()));

        assertThat(launcher.waitFor(60, TimeUnit.SECONDS)).isTrue();
        for (ProcessHandle side : sides) {
            side.onExit().get(30, TimeUnit.SECONDS);
        }
        assertThat(run("ss", "-ltnH")).doesNotContain(":" + commandPort + " ").doesNotContain(":" + queryPort + " ");
    }
}
