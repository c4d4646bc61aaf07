package dev.agentcore.local.runner;

import dev.agentcore.testing.JibImages;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hello agent's Jib image run through the pool as AgentCore runs it: one process per session. */
class HelloAgentSessionsTest {

    static final String URI = "123456789012.dkr.ecr.us-east-1.amazonaws.com/hello-agent:latest";
    static final String AMD64_URI = "123456789012.dkr.ecr.us-east-1.amazonaws.com/hello-agent:amd64";

    @TempDir
    static Path work;

    static SessionPool pool;
    static final List<SessionPool.Ended> ended = new CopyOnWriteArrayList<>();
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startPool() {
        ImageSource.Registered images = ImageSource.registered()
                .register(URI, JibImages.helloAgent("arm64"))
                .register(AMD64_URI, JibImages.helloAgent("amd64"));
        pool = new SessionPool(images, SessionPool.Settings.defaults(work.resolve("work"), work.resolve("logs"))
                .withMaxSessions(2).withReaperInterval(Duration.ofMillis(200)));
        pool.onEnded(ended::add);
    }

    @AfterAll
    static void closePool() {
        pool.close();
    }

    static SessionLaunch.Builder offline(Lifecycle lifecycle) {
        return SessionLaunch.builder(URI, ServerProtocol.HTTP).lifecycle(lifecycle)
                .environmentVariable("AGENT_MODEL_PROVIDER", "offline")
                .credentials(AwsCredentials.of("ASIAEXAMPLEEXAMPLE", "secret-of-the-role", "token"));
    }

    @Test
    void answersPingAndInvocationsAndReusesTheSessionUntilStopped() throws Exception {
        SessionKey key = new SessionKey("hello-abcdefghij", "1", "session-" + "a".repeat(33));
        long pid;
        try (SessionLease lease = pool.acquire(key, offline(Lifecycle.DEFAULT).build())) {
            assertThat(lease.started()).isTrue();
            assertThat(lease.runner()).isEqualTo(RunnerKind.HOST_JDK_PROCESS);
            pid = lease.pid();
            HttpResponse<String> ping = http.send(HttpRequest.newBuilder(lease.endpoint().resolve("/ping")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(ping.statusCode()).isEqualTo(200);
            assertThat(ping.body()).contains("\"Healthy\"");
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(lease.endpoint().resolve("/invocations"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"prompt\":\"hi\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).isEqualTo(200);
            // Server-sent events of JSON strings; joined they are the offline model's echo.
            assertThat(answer.body().lines().filter(line -> line.startsWith("data: "))
                    .map(line -> line.substring("data: \"".length(), line.length() - 1))
                    .collect(java.util.stream.Collectors.joining())).isEqualTo("[offline model] You said: hi");
            // The image's own java command, on the host's JDK, with /app rewritten to the extracted folder.
            String log = Files.readString(lease.logFile());
            assertThat(log).contains("runner HOST_JDK_PROCESS").contains("-XX:TieredStopAtLevel=1")
                    .contains("rootfs/app/jib-classpath-file").doesNotContain("secret-of-the-role");
            // The plain main on loopback, as the runner's SERVER_ADDRESS says, and the model it was asked for.
            assertThat(log).contains("AgentCore app listening on http://127.0.0.1:" + lease.port())
                    .contains("Model provider: offline");
        }
        try (SessionLease again = pool.acquire(key, offline(Lifecycle.DEFAULT).build())) {
            assertThat(again.started()).isFalse();
            assertThat(again.pid()).isEqualTo(pid);
        }
        assertThat(pool.stop(key)).isTrue();
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        assertThat(pool.sessions()).doesNotContain(key);
        assertThat(pool.stop(key)).isFalse();
        assertThat(ended).contains(new SessionPool.Ended(key, "STOPPED"));
    }

    @Test
    void anIdleSessionIsStoppedAfterTheRuntimesIdleTimeout() throws Exception {
        SessionKey key = new SessionKey("hello-abcdefghij", "1", "idle-" + "b".repeat(33));
        long pid;
        try (SessionLease lease = pool.acquire(key,
                offline(new Lifecycle(Duration.ofSeconds(2), Duration.ofSeconds(600))).build())) {
            pid = lease.pid();
            Thread.sleep(2_500);
            // Leased: an invocation in progress is not idle.
            assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isTrue();
        }
        awaitEnded(key, Duration.ofSeconds(15));
        assertThat(ended).contains(new SessionPool.Ended(key, "IDLE_TIMEOUT"));
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    }

    @Test
    void aSessionEndsAtItsMaximumLifetimeEvenWhileInUse() throws Exception {
        SessionKey key = new SessionKey("hello-abcdefghij", "1", "max-" + "c".repeat(33));
        try (SessionLease lease = pool.acquire(key,
                offline(new Lifecycle(Duration.ofSeconds(600), Duration.ofSeconds(3))).build())) {
            awaitEnded(key, Duration.ofSeconds(20));
            assertThat(ended).contains(new SessionPool.Ended(key, "MAX_LIFETIME"));
            assertThat(ProcessHandle.of(lease.pid()).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        }
    }

    @Test
    void anAgentThatExitsBeforeItIsHealthyFailsWithItsLogTail() {
        SessionKey key = new SessionKey("hello-abcdefghij", "1", "nomodel-" + "d".repeat(33));
        // Without a model the hello agent refuses to start, naming the setting.
        assertThatThrownBy(() -> pool.acquire(key, SessionLaunch.builder(URI, ServerProtocol.HTTP).build()))
                .isInstanceOfSatisfying(RunnerException.ExitedEarly.class, e -> {
                    assertThat(e.exitCode()).isNotZero();
                    assertThat(e.logTail()).contains("AGENT_MODEL_PROVIDER");
                });
        assertThat(pool.sessions()).doesNotContain(key);
    }

    @Test
    void aSessionNotHealthyWithinTheLimitIsStoppedAndReported() throws Exception {
        try (SessionPool impatient = new SessionPool(
                ImageSource.registered().register(URI, JibImages.helloAgent("arm64")),
                SessionPool.Settings.defaults(work.resolve("work"), work.resolve("logs-impatient"))
                        .withInitializationLimit(Duration.ofMillis(300)))) {
            SessionKey key = new SessionKey("hello-abcdefghij", "1", "slow-" + "e".repeat(33));
            // The lean agent is healthy within some 200 ms, even interpreted: a JVM paused at its start (until a file
            // it writes is deleted) is one that never answers, whatever the machine's speed.
            assertThatThrownBy(() -> impatient.acquire(key, offline(Lifecycle.DEFAULT).environmentVariable(
                    "JAVA_TOOL_OPTIONS", "-XX:+UnlockDiagnosticVMOptions -XX:+PauseAtStartup").build()))
                    .isInstanceOf(RunnerException.InitializationTimeout.class)
                    .hasMessageContaining("did not become healthy within 0 s");
            assertThat(impatient.sessions()).isEmpty();
            // No process of this test JVM still runs the agent.
            assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                    .map(p -> p.info().commandLine().orElse(""))
                    .filter(line -> line.contains("logs-impatient") || line.contains("HelloAgentApplication"))
                    .toList()).isEmpty();
        }
    }

    @Test
    void anAmd64ImageIsRefusedWithTheServicesText() {
        assertThat(pool.inspect(AMD64_URI).architecture()).isEqualTo("amd64");
        assertThatThrownBy(() -> pool.acquire(new SessionKey("hello-abcdefghij", "2", "x".repeat(33)),
                SessionLaunch.builder(AMD64_URI, ServerProtocol.HTTP).build()))
                .isInstanceOf(RunnerException.ArchitectureIncompatible.class)
                .hasMessage("Architecture incompatible for uri '" + AMD64_URI + "'. Supported architectures: [arm64]");
        assertThat(pool.inspect(URI).requireArm64(URI).exposedPorts()).containsExactly(8080);
    }

    private static void awaitEnded(SessionKey key, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (ended.stream().noneMatch(e -> e.key().equals(key)) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
    }
}
