package io.contactledger.query.e2e;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.contactledger.support.testing.Http;

/** One side of Contact Ledger running from its jar as a separate process, the way the launcher runs it. */
final class ServiceProcess {

    private final String name;
    private final Path jar;
    private final Path log;
    private final Map<String, String> environment;
    private final int port;
    private Process process;

    ServiceProcess(String name, Path jar, Path logDirectory, Map<String, String> environment) throws IOException {
        this.name = name;
        this.jar = jar;
        this.log = logDirectory.resolve(name + ".log");
        this.environment = environment;
        this.port = freePort();
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    ServiceProcess start() throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx384m", "-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        builder.environment().put("SERVER_PORT", Integer.toString(port));
        process = builder.start();
        awaitHealthy(Duration.ofSeconds(90));
        return this;
    }

    private void awaitHealthy(Duration timeout) throws InterruptedException, IOException {
        Http http = http();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited during start-up:\n" + Files.readString(log));
            }
            try {
                if (http.get("/actuator/health").status() == 200) {
                    return;
                }
            } catch (RuntimeException notYetListening) {
                // starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(name + " did not become healthy:\n" + Files.readString(log));
    }

    /** SIGKILL: no shutdown hooks, no chance to release claims or flush anything. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    /** SIGTERM, then wait for the graceful shutdown. */
    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    /** The process id, as Axon names this instance in the token table ("pid@host"). */
    long pid() {
        return process.pid();
    }

    Http http() {
        return new Http("http://localhost:" + port);
    }

    private static String javaBinary() {
        return System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    }
}
