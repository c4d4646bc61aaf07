package dev.agentcore.runtime.features;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentcore.runtime.core.AgentCoreHealth;
import dev.agentcore.runtime.core.AgentCoreTasks;
import dev.agentcore.runtime.core.PingStatus;
import dev.agentcore.runtime.conformance.TestWebSocketClient;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest(classes = FeaturesAgent.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"agentcore.runtime.max-request-size=64KB", "agentcore.runtime.debug-actions=true",
                "agentcore.runtime.max-websocket-message-size=64KB"})
class StarterFeaturesTest {

    private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper json = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    FeaturesAgent.Probes probes;

    @Autowired
    FeaturesAgent.Background background;

    @Autowired
    AgentCoreTasks tasks;

    @Autowired
    AgentCoreHealth health;

    @Autowired
    Environment environment;

    @AfterEach
    void reset() {
        probes.release.countDown();
        probes.reset();
        health.clearForced();
    }

    private URI webSocket() {
        return URI.create("ws://127.0.0.1:" + port + "/ws");
    }

    @Test
    void webSocketContextComesFromTheUpgradeHeadersAndIsCurrentOnAVirtualThread() throws Exception {
        try (TestWebSocketClient client = TestWebSocketClient.connect(webSocket(), java.util.Map.of(
                "X-Amzn-Bedrock-AgentCore-Runtime-Session-Id", "ws-session-1",
                "X-Amzn-Bedrock-AgentCore-Runtime-Request-Id", "ws-req-1",
                "WorkloadAccessToken", "wat-1"))) {
            client.send("context");
            assertThat(client.next()).isEqualTo("ws-session-1|ws-req-1|wat-1|ws-session-1|true|true");
        }
    }

    @Test
    void aClientThatDisconnectsEndsTheWebSocketHandlerAndItsThread() throws Exception {
        TestWebSocketClient client = TestWebSocketClient.connect(webSocket(), java.util.Map.of());
        client.send("hi");
        assertThat(client.next()).isEqualTo("length=2");
        Thread handler = probes.webSocketThread.get();

        client.socket().abort(); // no close frame: the TCP connection just goes away

        assertThat(probes.webSocketEnded.await(10, TimeUnit.SECONDS)).as("receiveText() returned null").isTrue();
        handler.join(Duration.ofSeconds(10));
        assertThat(handler.isAlive()).as("the handler's thread ended").isFalse();
    }

    @Test
    void fragmentedWebSocketMessagesArriveWholeAndOversizedOnesClose1009() throws Exception {
        try (TestWebSocketClient client = TestWebSocketClient.connect(webSocket(), java.util.Map.of())) {
            client.socket().sendText("a".repeat(40_000), false).join();
            client.socket().sendText("b".repeat(20_000), true).join();
            assertThat(client.next()).isEqualTo("length=60000");

            client.socket().sendText("c".repeat(40_000), false).join();
            client.socket().sendText("d".repeat(40_000), true).join();
            assertThat(client.ending().code()).isEqualTo(1009);
        }
    }

    @Test
    void aPlainGetOnTheWebSocketPathIs404AsInTheReference() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/ws"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(404);
    }

    @Test
    void payloadBindsToARecord() throws Exception {
        HttpResponse<String> response = invoke("{\"kind\":\"record\",\"prompt\":\"What is VO2 max?\",\"count\":3}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json.readTree(response.body()))
                .isEqualTo(json.readTree("{\"prompt\":\"What is VO2 max?\",\"count\":3}"));
    }

    @Test
    void aPayloadThatDoesNotBindIs400NamingTheFieldInJsonTerms() throws Exception {
        HttpResponse<String> response = invoke("{\"kind\":\"record\",\"count\":\"three\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode body = json.readTree(response.body());
        assertThat(body.get("error").asString()).isEqualTo("Invalid payload");
        assertThat(body.get("details").asString())
                .isEqualTo("payload does not match the entrypoint's parameter: 'count' must be a number, not a string")
                .doesNotContain("Ask", "java.");
    }

    @Test
    void contextCarriesSessionRequestForwardableHeadersAndTheWorkloadToken() throws Exception {
        HttpResponse<String> response = http.send(request("{\"kind\":\"context\"}")
                .header("X-Amzn-Bedrock-AgentCore-Runtime-Session-Id", "sess-1234567890-1234567890-1234567890")
                .header("X-Amzn-Bedrock-AgentCore-Runtime-Request-Id", "req-42")
                .header("X-Amzn-Bedrock-AgentCore-Runtime-Custom-Tenant", "acme")
                .header("authorization", "Bearer abc")
                .header("WorkloadAccessToken", "legacy-wat")
                .header("X-Amz-Bedrock-AgentCore-Identity-WAT", "new-wat")
                .header("OAuth2CallbackUrl", "https://example.com/callback")
                .header("X-Amzn-Trace-Id", "Root=1-abc")
                .header("X-Amz-Date", "20261125T000000Z")
                .build(), HttpResponse.BodyHandlers.ofString());

        JsonNode body = json.readTree(response.body());
        assertThat(body.get("sessionId").asString()).isEqualTo("sess-1234567890-1234567890-1234567890");
        assertThat(body.get("mdcSessionId").asString()).isEqualTo("sess-1234567890-1234567890-1234567890");
        assertThat(body.get("requestId").asString()).isEqualTo("req-42");
        assertThat(body.get("workloadAccessToken").asString()).isEqualTo("new-wat");
        assertThat(body.get("oauth2CallbackUrl").asString()).isEqualTo("https://example.com/callback");
        assertThat(body.get("currentMatches").asBoolean()).isTrue();
        JsonNode headers = body.get("headers");
        assertThat(headers.get("Authorization").asString()).isEqualTo("Bearer abc");
        assertThat(headers.get("x-amzn-bedrock-agentcore-runtime-custom-tenant").asString()).isEqualTo("acme");
        assertThat(headers.get("x-amz-bedrock-agentcore-identity-wat").asString()).isEqualTo("new-wat");
        assertThat(headers.has("x-amzn-trace-id")).as("x-amzn-* is not forwardable").isFalse();
        assertThat(headers.has("x-amz-date")).as("x-amz-* is not forwardable").isFalse();
        assertThat(headers.has("content-type")).as("restricted").isFalse();
    }

    @Test
    void requestIdIsGeneratedWhenAbsent() throws Exception {
        JsonNode body = json.readTree(invoke("{\"kind\":\"context\"}").body());

        assertThat(body.get("requestId").asString()).matches("[0-9a-f-]{36}");
        assertThat(body.get("sessionId").asString()).isEqualTo("null");
    }

    @Test
    void fluxAndIteratorStreamAsServerSentEvents() throws Exception {
        HttpResponse<String> flux = invoke("{\"kind\":\"flux\"}");
        HttpResponse<String> iterator = invoke("{\"kind\":\"iterator\"}");

        assertThat(flux.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/event-stream"));
        assertThat(flux.body()).isEqualTo("data: \"a\"\n\ndata: \"b\"\n\ndata: \"c\"\n\n");
        assertThat(iterator.body()).isEqualTo("data: {\"i\": 1}\n\ndata: {\"i\": 2}\n\n");
    }

    @Test
    void completionStageIsAwaitedAndReturnedAsJson() throws Exception {
        HttpResponse<String> response = invoke("{\"kind\":\"future\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"async\": true}");
    }

    @Test
    void responseStatusExceptionSetsTheStatusAndErrorAsHttpExceptionDoes() throws Exception {
        HttpResponse<String> response = invoke("{\"kind\":\"not-found\"}");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).isEqualTo("{\"error\":\"no such thing\"}");
    }

    @Test
    void handlerExceptionIs500WithTheMessageAndNoStackTrace() throws Exception {
        HttpResponse<String> response = invoke("{\"kind\":\"nonsense\"}");

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).isEqualTo("{\"error\":\"unknown kind nonsense\"}");
    }

    @Test
    void responseEntityPassesThrough() throws Exception {
        HttpResponse<String> response = invoke("{\"kind\":\"entity\"}");

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.headers().firstValue("X-Agent")).contains("yes");
        assertThat(response.body()).isEqualTo("{\"created\": true}");
    }

    @Test
    void bodiesOverTheConfiguredLimitAre413() throws Exception {
        String big = "{\"kind\":\"record\",\"prompt\":\"" + "x".repeat(70 * 1024) + "\"}";
        HttpResponse<String> response = invoke(big);

        assertThat(response.statusCode()).isEqualTo(413);
        JsonNode body = json.readTree(response.body());
        assertThat(body.get("error").asString()).isEqualTo("Request too large");
        assertThat(body.get("details").asString()).contains("agentcore.runtime.max-request-size");
    }

    @Test
    void eachEventIsFlushedAsItIsProduced() throws Exception {
        try (Socket socket = rawPost("{\"kind\":\"gated-stream\"}");
             BufferedReader in = reader(socket)) {
            // The second chunk is produced only after we release it: seeing the first proves it was flushed.
            assertThat(readUntil(in, "data: ")).isEqualTo("data: \"chunk-1\"");
            probes.release.countDown();
            assertThat(readUntil(in, "data: ")).isEqualTo("data: \"chunk-2\"");
        }
    }

    @Test
    void aClientThatDisconnectsMidStreamCancelsTheHandlersStream() throws Exception {
        try (Socket socket = rawPost("{\"kind\":\"endless-stream\"}");
             BufferedReader in = reader(socket)) {
            assertThat(readUntil(in, "data: ")).isEqualTo("data: \"tick-0\"");
        }
        assertThat(probes.streamClosed.await(10, TimeUnit.SECONDS))
                .as("the handler's Stream was closed after the client went away").isTrue();
    }

    @Test
    void pingAnswersWhileAHandlerIsBusy() throws Exception {
        CompletableFuture<HttpResponse<String>> busy = http.sendAsync(
                request("{\"kind\":\"blocking\"}").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(probes.entered.await(10, TimeUnit.SECONDS)).isTrue();

        HttpResponse<String> ping = http.send(HttpRequest.newBuilder(uri("/ping"))
                .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(ping.statusCode()).isEqualTo(200);
        assertThat(busy).isNotDone();
        probes.release.countDown();
        assertThat(busy.get(10, TimeUnit.SECONDS).body()).isEqualTo("\"released\"");
    }

    @Test
    void trackedTasksMakePingHealthyBusyAndTheTimeMovesOnlyOnChange() throws Exception {
        JsonNode idle = ping();
        assertThat(idle.get("status").asString()).isEqualTo("Healthy");
        assertThat(ping().get("time_of_last_update")).isEqualTo(idle.get("time_of_last_update"));

        long task = tasks.add("ingest", java.util.Map.of("file", "data.csv"));
        assertThat(ping().get("status").asString()).isEqualTo("HealthyBusy");
        assertThat(tasks.info().runningJobs()).extracting(AgentCoreTasks.RunningJob::name).containsExactly("ingest");

        assertThat(tasks.complete(task)).isTrue();
        assertThat(tasks.complete(task)).as("second completion of the same id").isFalse();
        assertThat(ping().get("status").asString()).isEqualTo("Healthy");
    }

    @Test
    void taskMetadataMayBeAbsentOrHoldNullValuesAsInThePythonSdk() throws Exception {
        java.util.Map<String, Object> withNull = new java.util.HashMap<>();
        withNull.put("file", null);

        long none = tasks.add("no-metadata", null);
        long nullValue = tasks.add("null-value", withNull);

        assertThat(ping().get("status").asString()).isEqualTo("HealthyBusy");
        assertThat(tasks.complete(none)).isTrue();
        assertThat(tasks.complete(nullValue)).isTrue();
        assertThat(ping().get("status").asString()).isEqualTo("Healthy");
    }

    @Test
    void asyncTaskAnnotationKeepsTheSessionBusyUntilTheFutureCompletes() throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        CompletableFuture<String> work = background.index(done);

        assertThat(ping().get("status").asString()).isEqualTo("HealthyBusy");
        assertThat(tasks.info().runningJobs()).extracting(AgentCoreTasks.RunningJob::name)
                .containsExactly("index-documents");
        done.countDown();
        assertThat(work.get(10, TimeUnit.SECONDS)).isEqualTo("indexed");
        assertThat(ping().get("status").asString()).isEqualTo("Healthy");
    }

    @Test
    void forcedStatusBeatsTheCustomHandlerWhichBeatsTheAutomaticStatus() throws Exception {
        long task = tasks.add("busy-work");
        try {
            assertThat(ping().get("status").asString()).as("automatic").isEqualTo("HealthyBusy");

            probes.customPing.set("Healthy");
            assertThat(ping().get("status").asString()).as("custom over automatic").isEqualTo("Healthy");

            health.force(PingStatus.HEALTHY_BUSY);
            assertThat(ping().get("status").asString()).as("forced over custom").isEqualTo("HealthyBusy");

            health.clearForced();
            probes.customPing.set(new IllegalStateException("status source down"));
            assertThat(ping().get("status").asString()).as("failing custom falls back").isEqualTo("HealthyBusy");
        } finally {
            tasks.complete(task);
        }
    }

    @Test
    void debugActionsMatchThePythonSdk() throws Exception {
        assertThat(invoke("{\"_agent_core_app_action\":\"force_busy\"}").body())
                .isEqualTo("{\"forced_status\":\"HealthyBusy\"}");
        assertThat(json.readTree(invoke("{\"_agent_core_app_action\":\"ping_status\"}").body())
                .get("status").asString()).isEqualTo("HealthyBusy");
        assertThat(invoke("{\"_agent_core_app_action\":\"clear_forced_status\"}").body())
                .isEqualTo("{\"forced_status\":\"Cleared\"}");
        assertThat(invoke("{\"_agent_core_app_action\":\"job_status\"}").body())
                .isEqualTo("{\"active_count\":0,\"running_jobs\":[]}");
        HttpResponse<String> unknown = invoke("{\"_agent_core_app_action\":\"reboot\"}");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).isEqualTo("{\"error\":\"Unknown action: reboot\"}");
    }

    @Test
    void containerDefaultsApply() {
        assertThat(environment.getProperty("spring.threads.virtual.enabled")).isEqualTo("true");
        assertThat(environment.getProperty("server.shutdown")).isEqualTo("graceful");
        assertThat(environment.getProperty("logging.pattern.correlation")).contains("%X{sessionId");
    }

    private JsonNode ping() throws Exception {
        return json.readTree(http.send(HttpRequest.newBuilder(uri("/ping")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
    }

    private HttpResponse<String> invoke(String body) throws Exception {
        return http.send(request(body).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String body) {
        return HttpRequest.newBuilder(uri("/invocations"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private Socket rawPost(String body) throws Exception {
        Socket socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(10_000);
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        OutputStream out = socket.getOutputStream();
        out.write(("POST /invocations HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + bytes.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(bytes);
        out.flush();
        return socket;
    }

    private static BufferedReader reader(Socket socket) throws Exception {
        return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
    }

    private static String readUntil(BufferedReader in, String prefix) throws Exception {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            if (line.startsWith(prefix)) {
                return line;
            }
        }
        throw new AssertionError("stream ended before a line starting with " + prefix);
    }
}
