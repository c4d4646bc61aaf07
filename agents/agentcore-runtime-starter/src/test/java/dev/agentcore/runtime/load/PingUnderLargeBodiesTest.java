package dev.agentcore.runtime.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ten concurrent 100 MB bodies took the 6.4 GB default heap and {@code /ping} stopped answering for 20-27 s
 * (issue 12). The same at a tenth of the scale, bounded in time: ten concurrent 24 MB bodies against an agent in
 * its own JVM with a 256 MB heap. Every invocation must be answered and {@code /ping} must keep answering.
 * {@code make soak} runs the full-size case (scripts/soak-servers.sh).
 */
class PingUnderLargeBodiesTest {

    private static final int BODIES = 10;
    private static final int PROMPT_BYTES = 24_000_000;

    @TempDir
    Path dir;

    @Test
    void tenConcurrentLargeBodiesAreAllAnsweredAndPingKeepsAnswering() throws Exception {
        int port = freePort();
        Path log = dir.resolve("agent.log");
        Process agent = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                LargeBodiesAgent.class.getName(), "--server.port=" + port, "--server.address=127.0.0.1")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI ping = URI.create("http://127.0.0.1:" + port + "/ping");
        try {
            awaitHealthy(http, ping, agent, log);
            byte[] body = payload();

            AtomicLong slowestPing = new AtomicLong();
            AtomicLong failedPings = new AtomicLong();
            Thread pinger = Thread.ofVirtual().start(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    long started = System.nanoTime();
                    try {
                        int status = http.send(HttpRequest.newBuilder(ping).timeout(Duration.ofSeconds(10)).build(),
                                HttpResponse.BodyHandlers.discarding()).statusCode();
                        if (status != 200) {
                            failedPings.incrementAndGet();
                        }
                    } catch (IOException e) {
                        failedPings.incrementAndGet();
                    } catch (InterruptedException e) {
                        return;
                    }
                    slowestPing.accumulateAndGet(System.nanoTime() - started, Math::max);
                    try {
                        Thread.sleep(100);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });

            List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
            for (int i = 0; i < BODIES; i++) {
                calls.add(http.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/invocations"))
                        .header("Content-Type", "application/json").timeout(Duration.ofSeconds(90))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString()));
            }
            List<String> answers = new ArrayList<>();
            for (CompletableFuture<HttpResponse<String>> call : calls) {
                try {
                    HttpResponse<String> response = call.get(120, TimeUnit.SECONDS);
                    answers.add(response.statusCode() + " " + response.body());
                } catch (Exception e) {
                    answers.add("failed: " + e);
                }
            }
            pinger.interrupt();
            pinger.join(15_000);

            String output = Files.readString(log);
            assertThat(answers).as(output.lines().filter(line -> line.contains("ERROR") || line.contains("Error"))
                    .map(line -> line.substring(0, Math.min(line.length(), 240))).limit(3).toList().toString()).containsOnly("200 " + PROMPT_BYTES);
            assertThat(output).doesNotContain("OutOfMemoryError");
            assertThat(failedPings.get()).isZero();
            assertThat(Duration.ofNanos(slowestPing.get())).isLessThan(Duration.ofSeconds(3));
        } finally {
            agent.destroy();
            if (!agent.waitFor(10, TimeUnit.SECONDS)) {
                agent.destroyForcibly();
            }
        }
    }

    private static byte[] payload() {
        byte[] prompt = new byte[PROMPT_BYTES];
        Arrays.fill(prompt, (byte) 'a');
        byte[] head = "{\"prompt\":\"".getBytes(StandardCharsets.US_ASCII);
        byte[] tail = "\"}".getBytes(StandardCharsets.US_ASCII);
        byte[] body = new byte[head.length + prompt.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(prompt, 0, body, head.length, prompt.length);
        System.arraycopy(tail, 0, body, head.length + prompt.length, tail.length);
        return body;
    }

    private static void awaitHealthy(HttpClient http, URI ping, Process agent, Path log) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (!agent.isAlive()) {
                throw new AssertionError("the agent exited: " + Files.readString(log));
            }
            try {
                if (http.send(HttpRequest.newBuilder(ping).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the agent did not answer /ping within 60 s: " + Files.readString(log));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
