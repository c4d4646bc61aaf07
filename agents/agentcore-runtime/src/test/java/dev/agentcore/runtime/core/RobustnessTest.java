package dev.agentcore.runtime.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentcore.testing.LogRecords;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The bounds issue 12 asks of an agent server, on the core from the start. */
class RobustnessTest {

    private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    record Ask(String prompt, int count) {
    }

    private AgentCoreApp app;

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    private HttpResponse<String> post(String body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/invocations"))
                .timeout(Duration.ofSeconds(20)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> ping() throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/ping"))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aBodyOverTheLimitIs413InJsonWhetherDeclaredOrChunked() throws Exception {
        app = AgentCoreApp.builder().port(0).maxRequestBytes(1000).entrypoint((payload, context) -> payload).build().start();

        HttpResponse<String> declared = post("{\"p\":\"" + "x".repeat(2000) + "\"}", Map.of());
        String chunked = raw("POST /invocations HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "7d0\r\n" + "x".repeat(2000) + "\r\n0\r\n\r\n");

        assertThat(declared.statusCode()).isEqualTo(413);
        assertThat(declared.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(declared.body()).startsWith("{\"error\":\"Request too large\",\"details\":");
        assertThat(chunked).startsWith("HTTP/1.1 413 ").contains("Request too large");
        assertThat(AgentCoreApp.AGENTCORE_MAX_PAYLOAD_BYTES).isEqualTo(100_000_000L);
    }

    @Test
    void pingAnswersWhileEveryInvocationIsBlockedAndReportsBusyTasksWithAStableTime() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch entered = new CountDownLatch(8);
        app = AgentCoreApp.builder().port(0).entrypoint((payload, context) -> {
            entered.countDown();
            release.await(30, TimeUnit.SECONDS);
            return "done";
        }).build().start();
        List<Thread> callers = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 8; i++) {
            callers.add(Thread.ofVirtual().start(() -> {
                try {
                    post("{}", Map.of());
                } catch (Exception ignored) {
                    // the test fails on ping, not here
                }
            }));
        }
        try {
            assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
            HttpResponse<String> first = ping();
            long task = app.tasks().add("background");
            HttpResponse<String> busy = ping();
            HttpResponse<String> busyAgain = ping();
            app.tasks().complete(task);

            assertThat(first.statusCode()).isEqualTo(200);
            assertThat(first.body()).startsWith("{\"status\":\"Healthy\",\"time_of_last_update\":");
            assertThat(busy.body()).startsWith("{\"status\":\"HealthyBusy\"");
            assertThat(busyAgain.body()).isEqualTo(busy.body());
        } finally {
            release.countDown();
            for (Thread caller : callers) {
                caller.join(10_000);
            }
        }
    }

    @Test
    void aBusySessionsConcurrentCallIsA500WithItsMessageAndOneLogLine() throws Exception {
        Map<String, Boolean> busySessions = new ConcurrentHashMap<>();
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        app = AgentCoreApp.builder().port(0).entrypoint((payload, context) -> {
            if (busySessions.putIfAbsent(context.sessionId(), true) != null) {
                throw new IllegalStateException("This agent is still answering another prompt");
            }
            try {
                inside.countDown();
                release.await(30, TimeUnit.SECONDS);
                return "first";
            } finally {
                busySessions.remove(context.sessionId());
            }
        }).build().start();
        Map<String, String> session = Map.of(AgentCoreContext.SESSION_ID_HEADER, "s-1");
        Thread first = Thread.ofVirtual().start(() -> {
            try {
                post("{}", session);
            } catch (Exception ignored) {
                // asserted through the second call
            }
        });
        LogRecords log = LogRecords.of(Invocations.class);
        try {
            assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();
            HttpResponse<String> second = post("{}", session);

            assertThat(second.statusCode()).isEqualTo(500);
            assertThat(second.body()).isEqualTo("{\"error\":\"This agent is still answering another prompt\"}");
            List<LogRecord> records = log.records();
            assertThat(records).hasSize(1);
            assertThat(records.get(0).getThrown()).isNull();
            assertThat(records.get(0).getMessage()).doesNotContain("\n").contains("[session=s-1 ")
                    .contains("This agent is still answering another prompt");
        } finally {
            log.close();
            release.countDown();
            first.join(10_000);
        }
    }

    @Test
    void malformedRequestsAreAnsweredInJsonNeverHtml() throws Exception {
        app = AgentCoreApp.builder().port(0).entrypoint((payload, context) -> payload).build().start();

        for (String request : List.of("GARBAGE\r\n\r\n", "GET /ping HTTP/1.1\r\n\r\n",
                "POST /invocations HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n{}",
                "GET /ping HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(40_000) + "\r\n\r\n")) {
            String answer = raw(request);
            assertThat(answer).as(request.substring(0, Math.min(40, request.length())))
                    .matches("(?s)HTTP/1.1 4\\d\\d .*").contains("Content-Type: application/json")
                    .doesNotContain("<html").doesNotContain("<h1>");
        }
        HttpResponse<String> unknown = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port()
                + "/error")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(unknown.statusCode()).isEqualTo(404);
        // Starlette's own 404 (the shared conformance suite compares it byte for byte): plain text, never a page.
        assertThat(unknown.body()).isEqualTo("Not Found");
    }

    @Test
    void aPayloadThatDoesNotBindIs400NamingTheFieldAndNoJavaType() throws Exception {
        app = AgentCoreApp.builder().port(0).entrypoint(Ask.class, (ask, context) -> ask.prompt() + ask.count())
                .build().start();

        HttpResponse<String> ok = post("{\"prompt\":\"n=\",\"count\":3}", Map.of());
        HttpResponse<String> wrong = post("{\"prompt\":\"n=\",\"count\":{\"a\":[1]}}", Map.of());

        assertThat(ok.body()).isEqualTo("\"n=3\"");
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.body()).startsWith("{\"error\":\"Invalid payload\",\"details\":").contains("'count'")
                .doesNotContain("java.").doesNotContain("Integer").doesNotContain("Ask").doesNotContain("LinkedHashMap");
    }

    @Test
    void aBodyThatArrivesTooSlowlyIs408() throws Exception {
        app = AgentCoreApp.builder().port(0).bodyTimeout(Duration.ofMillis(300))
                .entrypoint((payload, context) -> payload).build().start();
        try (Socket socket = new Socket("127.0.0.1", app.port())) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write("POST /invocations HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            long started = System.nanoTime();
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertThat(answer).startsWith("HTTP/1.1 408 ").contains("application/json");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));
        }
    }

    @Test
    void theContextCarriesTheWorkloadTokenAuthorizationAndOnlyAllowlistedHeaders() throws Exception {
        app = AgentCoreApp.builder().port(0).entrypoint((payload, context) -> Map.of(
                "token", context.workloadAccessToken(), "headers", new java.util.TreeMap<>(context.requestHeaders()),
                "current", AgentCoreContext.current().map(AgentCoreContext::requestId).orElse("none"))).build().start();

        HttpResponse<String> answer = post("{}", Map.of("WorkloadAccessToken", "wat-1", "Authorization", "Bearer t",
                AgentCoreContext.REQUEST_ID_HEADER, "r-9", "X-Amzn-Bedrock-AgentCore-Runtime-Custom-Tenant", "acme",
                "X-Amzn-Trace-Id", "Root=1"));

        assertThat(answer.body()).contains("\"token\": \"wat-1\"").contains("\"Authorization\": \"Bearer t\"")
                .contains("\"x-amzn-bedrock-agentcore-runtime-custom-tenant\": \"acme\"").doesNotContain("Trace")
                .contains("\"current\": \"r-9\"");
    }

    private String raw(String request) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", app.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream seen = new ByteArrayOutputStream();
            byte[] chunk = new byte[8192];
            for (int n; (n = in.read(chunk)) > 0; ) {
                seen.write(chunk, 0, n);
            }
            return seen.toString(StandardCharsets.ISO_8859_1);
        }
    }
}
