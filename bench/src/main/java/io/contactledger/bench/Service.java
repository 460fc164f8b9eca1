package io.contactledger.bench;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** One side of Contact Ledger started from its jar, as in production. */
final class Service {

    final String name;
    final int port;
    private final Process process;

    private Service(String name, int port, Process process) {
        this.name = name;
        this.port = port;
        this.process = process;
    }

    static Service start(String name, Path jar, Map<String, String> env, Path log) throws IOException, InterruptedException {
        return start(name, List.of("-jar", jar.toString()), env, log);
    }

    /** A main class of a Spring Boot jar other than its own (the benchmark's CRUD baseline). */
    static Service startMain(String name, Path jar, String mainClass, Map<String, String> env, Path log)
            throws IOException, InterruptedException {
        return start(name, List.of("-cp", jar.toString(), "-Dloader.main=" + mainClass,
                "org.springframework.boot.loader.launch.PropertiesLauncher"), env, log);
    }

    private static Service start(String name, List<String> what, Map<String, String> env, Path log)
            throws IOException, InterruptedException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<String> command = new java.util.ArrayList<>(List.of(System.getProperty("java.home") + File.separator + "bin"
                + File.separator + "java", "-Xmx768m"));
        command.addAll(what);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        builder.environment().put("SERVER_PORT", Integer.toString(port));
        Service service = new Service(name, port, builder.start());
        Client client = new Client("http://localhost:" + port, null);
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (!service.process.isAlive()) {
                throw new IllegalStateException(name + " stopped during start-up; see " + log);
            }
            if (client.statusOf("GET", "/actuator/health", null) == 200) {
                return service;
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(name + " did not become healthy; see " + log);
    }

    String url() {
        return "http://localhost:" + port;
    }

    /**
     * The CPU time its process has used so far, all threads (the operating system's count, so
     * it includes the garbage collector and the JIT, which JFR's samples leave out); -1 where the
     * platform does not tell.
     */
    long cpuNanos() {
        return process.toHandle().info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(-1L);
    }

    void stop() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }
}
