package dev.agentcore.local.runner;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Whether a Docker engine answers here: {@code DOCKER_HOST} when set ({@code unix://} and {@code tcp://} are
 * probed), else {@code /var/run/docker.sock}, then {@code $XDG_RUNTIME_DIR/docker.sock} (rootless Docker). An engine
 * "answers" when {@code GET /_ping} gets 200 {@code OK}; a socket file alone is not enough. Only detection: no
 * runner uses an engine yet, and the launcher says so.
 */
public sealed interface DockerEngine {

    Duration PROBE_TIMEOUT = Duration.ofSeconds(2);
    Path SYSTEM_SOCKET = Path.of("/var/run/docker.sock");

    /** @param endpoint where it answered: {@code unix:///var/run/docker.sock} or {@code tcp://host:port} */
    record Answering(String endpoint) implements DockerEngine {
    }

    /** @param why what was tried and how each failed, one line */
    record NotFound(String why) implements DockerEngine {
    }

    /** Looks where the Docker CLI looks, in this process's environment. */
    static DockerEngine detect(Map<String, String> environment) {
        return detect(environment.get("DOCKER_HOST"), sockets(environment), PROBE_TIMEOUT);
    }

    /** The sockets tried without DOCKER_HOST: the system's, then rootless Docker's under XDG_RUNTIME_DIR. */
    static List<Path> sockets(Map<String, String> environment) {
        List<Path> sockets = new ArrayList<>(List.of(SYSTEM_SOCKET));
        String runtimeDir = environment.get("XDG_RUNTIME_DIR");
        if (runtimeDir != null && !runtimeDir.isBlank()) {
            sockets.add(Path.of(runtimeDir, "docker.sock"));
        }
        return List.copyOf(sockets);
    }

    /**
     * @param dockerHost the DOCKER_HOST value, or null: when set, it alone is probed, as the Docker CLI does
     * @param sockets    the unix sockets to try in order when DOCKER_HOST is not set
     */
    static DockerEngine detect(String dockerHost, List<Path> sockets, Duration timeout) {
        if (dockerHost != null && !dockerHost.isBlank()) {
            String host = dockerHost.strip();
            String lower = host.toLowerCase(Locale.ROOT);
            String failure;
            if (lower.startsWith("unix://")) {
                failure = Probe.unix(Path.of(host.substring("unix://".length())), timeout);
            } else if (lower.startsWith("tcp://")) {
                failure = Probe.tcp(URI.create("http://" + host.substring("tcp://".length())), timeout);
            } else {
                return new NotFound("DOCKER_HOST=" + host + " is not probed here (only unix:// and tcp://)");
            }
            return failure == null ? new Answering(host) : new NotFound("DOCKER_HOST=" + host + " " + failure);
        }
        List<String> tried = new ArrayList<>();
        for (Path socket : sockets) {
            String failure = Probe.unix(socket, timeout);
            if (failure == null) {
                return new Answering("unix://" + socket);
            }
            tried.add(socket + " " + failure);
        }
        return new NotFound("DOCKER_HOST is not set; " + String.join("; ", tried));
    }

    /** Each probe answers null when {@code GET /_ping} got 200 OK, else what went wrong. */
    final class Probe {

        private static final String PING = "GET /_ping HTTP/1.1\r\nHost: docker\r\nConnection: close\r\n\r\n";

        private Probe() {
        }

        static String unix(Path socket, Duration timeout) {
            if (!Files.exists(socket)) {
                return "does not exist";
            }
            SocketChannel[] open = new SocketChannel[1];
            FutureTask<String> ping = new FutureTask<>(() -> {
                try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
                    open[0] = channel;
                    channel.write(ByteBuffer.wrap(PING.getBytes(StandardCharsets.US_ASCII)));
                    ByteArrayOutputStream answer = new ByteArrayOutputStream();
                    ByteBuffer buffer = ByteBuffer.allocate(1024);
                    while (channel.read(buffer) > 0 && answer.size() < 16_384) {
                        answer.write(buffer.array(), 0, buffer.position());
                        buffer.clear();
                    }
                    return judge(answer.toString(StandardCharsets.ISO_8859_1));
                }
            });
            Thread.ofVirtual().name("docker-ping").start(ping);
            return await(ping, timeout, () -> {
                try {
                    if (open[0] != null) {
                        open[0].close(); // unblocks the read
                    }
                } catch (IOException ignored) {
                    // Closing to give up; nothing more to do.
                }
            });
        }

        static String tcp(URI base, Duration timeout) {
            try (HttpClient http = HttpClient.newBuilder().connectTimeout(timeout).build()) {
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(base.resolve("/_ping")).timeout(timeout)
                        .GET().build(), HttpResponse.BodyHandlers.ofString());
                return answer.statusCode() == 200 && answer.body().strip().equals("OK") ? null
                        : "answered GET /_ping with " + answer.statusCode() + ", not 200 OK";
            } catch (IOException | IllegalArgumentException e) {
                return "cannot be reached: " + e.getMessage();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "probe interrupted";
            }
        }

        /** The status line and body of a raw HTTP/1.1 answer. */
        static String judge(String answer) {
            if (answer.isEmpty()) {
                return "closed the connection without answering GET /_ping";
            }
            String statusLine = answer.lines().findFirst().orElse("");
            int bodyStart = answer.indexOf("\r\n\r\n");
            String body = bodyStart < 0 ? "" : answer.substring(bodyStart + 4);
            // A chunked "OK" still contains the line OK.
            boolean ok = statusLine.matches("HTTP/1\\.[01] 200( .*)?") && body.lines().anyMatch(l -> l.strip().equals("OK"));
            return ok ? null : "answered GET /_ping with '" + statusLine.strip() + "', not 200 OK";
        }

        private static String await(Future<String> ping, Duration timeout, Runnable giveUp) {
            try {
                return ping.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                giveUp.run();
                ping.cancel(true);
                return "did not answer GET /_ping within " + timeout.toMillis() + " ms";
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                return "cannot be reached: " + (cause.getMessage() == null ? cause.getClass().getSimpleName()
                        : cause.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "probe interrupted";
            }
        }
    }
}
