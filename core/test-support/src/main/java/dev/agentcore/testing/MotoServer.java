package dev.agentcore.testing;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * moto's server from the repository's {@code .venv} (pinned in requirements-dev.txt) on a free loopback port, for tests
 * that need the local AWS itself. Close it to stop it.
 */
public final class MotoServer implements AutoCloseable {

    private final LoopbackProcess process;

    private MotoServer(LoopbackProcess process) {
        this.process = process;
    }

    /** Starts moto and waits until its port answers (at most 30 s). */
    public static MotoServer start() throws IOException, InterruptedException {
        return new MotoServer(LoopbackProcess.start("moto_server",
                List.of(RepositoryFiles.python().resolveSibling("moto_server").toString(), "-H", "127.0.0.1", "-p", "{port}"),
                LoopbackProcess.Readiness.LISTENING, Duration.ofSeconds(30)));
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + process.port());
    }

    @Override
    public void close() throws InterruptedException {
        process.close();
    }
}
