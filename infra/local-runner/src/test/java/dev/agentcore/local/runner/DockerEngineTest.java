package dev.agentcore.local.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Docker engine detection, with a loopback unix-socket server standing in for an engine (or for something else). */
class DockerEngineTest {

    static final Duration TIMEOUT = Duration.ofMillis(500);

    @TempDir
    Path dir;
    ServerSocketChannel server;
    Thread serving;

    /** Serves every connection with this raw answer after reading the request (null: read and never answer). */
    Path serve(String answer) throws IOException {
        Path socket = dir.resolve("docker.sock");
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        serving = Thread.ofVirtual().start(() -> {
            while (server.isOpen()) {
                try (SocketChannel client = server.accept()) {
                    client.read(ByteBuffer.allocate(4096));
                    if (answer == null) {
                        Thread.sleep(5_000);
                    } else {
                        client.write(ByteBuffer.wrap(answer.getBytes(StandardCharsets.US_ASCII)));
                    }
                } catch (IOException | InterruptedException e) {
                    return;
                }
            }
        });
        return socket;
    }

    @AfterEach
    void stop() throws IOException {
        if (server != null) {
            server.close();
            serving.interrupt();
        }
    }

    static final String PONG = "HTTP/1.1 200 OK\r\nApi-Version: 1.47\r\nContent-Type: text/plain; charset=utf-8\r\n"
            + "Content-Length: 2\r\n\r\nOK";

    @Test
    void anEngineAnsweringPingOnASocketIsFound() throws IOException {
        Path socket = serve(PONG);

        DockerEngine engine = DockerEngine.detect(null, List.of(dir.resolve("missing.sock"), socket), TIMEOUT);

        assertThat(engine).isEqualTo(new DockerEngine.Answering("unix://" + socket));
        assertThat(new SessionRunnerReport(RunnerKind.HOST_JDK_PROCESS, engine).line())
                .isEqualTo("sessions: host-JDK processes (Docker engine found at unix://" + socket + "; sessions still"
                        + " run as host-JDK processes: the local AgentCore has no Docker runner, each session runs its"
                        + " image's java command on the host's JDK)");
    }

    @Test
    void dockerHostIsProbedAloneAsTheDockerCliDoes() throws IOException {
        Path socket = serve(PONG);

        assertThat(DockerEngine.detect("unix://" + socket, List.of(), TIMEOUT))
                .isEqualTo(new DockerEngine.Answering("unix://" + socket));
        assertThat(DockerEngine.detect("unix://" + dir.resolve("gone.sock"), List.of(socket), TIMEOUT))
                .isInstanceOfSatisfying(DockerEngine.NotFound.class, n -> assertThat(n.why())
                        .isEqualTo("DOCKER_HOST=unix://" + dir.resolve("gone.sock") + " does not exist"));
        assertThat(DockerEngine.detect("ssh://me@build-host", List.of(socket), TIMEOUT))
                .isEqualTo(new DockerEngine.NotFound("DOCKER_HOST=ssh://me@build-host is not probed here (only unix://"
                        + " and tcp://)"));
    }

    @Test
    void withoutAnEngineTheReportSaysWhatWasTried() {
        Path missing = dir.resolve("docker.sock");

        DockerEngine engine = DockerEngine.detect(null, List.of(missing), TIMEOUT);

        assertThat(new SessionRunnerReport(RunnerKind.HOST_JDK_PROCESS, engine).line()).isEqualTo(
                "sessions: host-JDK processes (no Docker engine: DOCKER_HOST is not set; " + missing + " does not exist)");
    }

    @Test
    void aSocketThatIsNotAnEngineDoesNotCount() throws IOException {
        Path socket = serve("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n");

        assertThat(DockerEngine.detect(null, List.of(socket), TIMEOUT)).isEqualTo(new DockerEngine.NotFound(
                "DOCKER_HOST is not set; " + socket + " answered GET /_ping with 'HTTP/1.1 404 Not Found', not 200 OK"));
    }

    @Test
    void aSocketThatNeverAnswersTimesOut() throws IOException {
        Path socket = serve(null);

        assertThat(DockerEngine.detect(null, List.of(socket), TIMEOUT)).isEqualTo(new DockerEngine.NotFound(
                "DOCKER_HOST is not set; " + socket + " did not answer GET /_ping within 500 ms"));
    }

    @Test
    void aStaleSocketFileIsNotAnEngine() throws IOException {
        Path socket = Files.createFile(dir.resolve("stale.sock"));

        assertThat(DockerEngine.detect(null, List.of(socket), TIMEOUT))
                .isInstanceOfSatisfying(DockerEngine.NotFound.class, n -> assertThat(n.why())
                        .startsWith("DOCKER_HOST is not set; " + socket + " cannot be reached: "));
    }

    @Test
    void withoutDockerHostTheSystemSocketThenTheRootlessOneAreTried() {
        assertThat(DockerEngine.sockets(Map.of("XDG_RUNTIME_DIR", "/run/user/1000")))
                .containsExactly(Path.of("/var/run/docker.sock"), Path.of("/run/user/1000/docker.sock"));
        assertThat(DockerEngine.sockets(Map.of())).containsExactly(Path.of("/var/run/docker.sock"));
    }
}
