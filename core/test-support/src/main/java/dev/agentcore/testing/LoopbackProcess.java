package dev.agentcore.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A server process for a test (moto, the Python reference app, a packaged jar) on a free loopback port: its output
 * kept in a temporary log, started once it is ready, stopped (and its log removed) on close. {@code {port}} in the
 * command is replaced by the port chosen.
 */
public final class LoopbackProcess implements AutoCloseable {

    /** When a started process counts as ready; the default is its port accepting a connection. */
    @FunctionalInterface
    public interface Readiness {
        boolean ready(int port) throws IOException, InterruptedException;

        Readiness LISTENING = port -> {
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return true;
            } catch (IOException notYet) {
                return false;
            }
        };
    }

    private final String name;
    private final Process process;
    private final Path log;
    private final int port;

    private LoopbackProcess(String name, Process process, Path log, int port) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** Starts {@code command} and waits until it is ready; fails with its output if it exits or times out first. */
    public static LoopbackProcess start(String name, List<String> command, Readiness readiness, Duration timeout)
            throws IOException, InterruptedException {
        int port = freePort();
        Path log = Files.createTempFile("loopback-process-", ".log");
        Process process = new ProcessBuilder(command.stream().map(a -> a.replace("{port}", Integer.toString(port))).toList())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        LoopbackProcess started = new LoopbackProcess(name, process, log, port);
        Instant deadline = Instant.now().plus(timeout);
        while (!readiness.ready(port)) {
            if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                String output = started.output();
                started.close();
                throw new IllegalStateException(name + (process.isAlive() ? " was not ready on port " + port
                        + " within " + timeout.toSeconds() + " s" : " exited") + ":\n" + output);
            }
            Thread.sleep(50);
        }
        return started;
    }

    /** A port free on this machine a moment ago. */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    public int port() {
        return port;
    }

    /** What the process printed so far. */
    public String output() throws IOException {
        return Files.exists(log) ? Files.readString(log) : "";
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        log.toFile().delete(); // a temporary file: one left behind is no failure of the test
    }

    @Override
    public String toString() {
        return name + " on port " + port;
    }
}
