package dev.agentcore.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A module's packaged jar run as its users run it ({@code java [options] -jar jar [args]}) on the JVM running the
 * tests, on a free loopback port; for integration tests of what {@code package} produced. Close it to stop it.
 */
public final class PackagedJar implements AutoCloseable {

    private final Process process;
    private final Path log;
    private final int port;

    private PackagedJar(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /**
     * Starts {@code jar} and waits (at most 60 s) until {@code port} accepts connections. {@code {port}} in an
     * option or argument is replaced by the port chosen.
     */
    public static PackagedJar start(Path jar, List<String> jvmOptions, List<String> args)
            throws IOException, InterruptedException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: run the module's package phase first");
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java));
        jvmOptions.forEach(o -> command.add(o.replace("{port}", Integer.toString(port))));
        command.addAll(List.of("-jar", jar.toString()));
        args.forEach(a -> command.add(a.replace("{port}", Integer.toString(port))));
        Path log = Files.createTempFile("packaged-jar-", ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Instant deadline = Instant.now().plusSeconds(60);
        while (true) {
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return new PackagedJar(process, log, port);
            } catch (IOException notYet) {
                if (Instant.now().isAfter(deadline) || !process.isAlive()) {
                    process.destroyForcibly();
                    throw new IllegalStateException(jar.getFileName() + " did not listen on " + port + ":\n"
                            + Files.readString(log));
                }
                Thread.sleep(50);
            }
        }
    }

    public int port() {
        return port;
    }

    /** What the process printed so far. */
    public String output() throws IOException {
        return Files.readString(log);
    }

    @Override
    public void close() throws IOException, InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        Files.deleteIfExists(log);
    }
}
