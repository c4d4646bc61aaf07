package dev.agentcore.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * moto's server from the repository's {@code .venv} (pinned in requirements-dev.txt) on a free loopback port, for tests
 * that need the local AWS itself. Close it to stop it.
 */
public final class MotoServer implements AutoCloseable {

    private final Process process;
    private final URI endpoint;

    private MotoServer(Process process, URI endpoint) {
        this.process = process;
        this.endpoint = endpoint;
    }

    /** Starts moto and waits until its port answers (at most 30 s). */
    public static MotoServer start() throws IOException, InterruptedException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Process process = new ProcessBuilder(RepositoryFiles.python().resolveSibling("moto_server").toString(),
                "-H", "127.0.0.1", "-p", Integer.toString(port))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        Instant deadline = Instant.now().plusSeconds(30);
        while (true) {
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return new MotoServer(process, URI.create("http://127.0.0.1:" + port));
            } catch (IOException notYet) {
                if (Instant.now().isAfter(deadline) || !process.isAlive()) {
                    process.destroyForcibly();
                    throw new IllegalStateException("moto_server did not start on " + port);
                }
                Thread.sleep(100);
            }
        }
    }

    public URI endpoint() {
        return endpoint;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
