package dev.agentcore.runtime.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends the same requests to our starter and to the Python SDK's BedrockAgentCoreApp with the same
 * handlers, and requires the same status codes, content types and bodies, byte for byte. Where the two
 * cannot agree byte for byte (the parser's own wording of a JSON syntax error), the test says so and
 * compares the rest.
 */
@SpringBootTest(classes = ConformanceAgent.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConformanceWithPythonReferenceTest {

    @RegisterExtension
    static final PythonReferenceApp.PerClass python = new PythonReferenceApp.PerClass("conformance_app.py");
    private static final HttpClient http = HttpClient.newHttpClient();
    private static final JsonMapper json = JsonMapper.builder().build();

    @LocalServerPort
    int port;


    record Exchange(int status, String contentType, String body) {
    }

    static Stream<Arguments> identicalCases() {
        return Stream.of(
                Arguments.of("JSON object echoed", json("{\"case\":\"echo\",\"prompt\":\"What is VO2 max?\",\"nested\":{\"a\":[1,2.5,true,null],\"s\":\"caf\u00e9 \u2713\"}}")),
                Arguments.of("string result", json("{\"case\":\"text\"}")),
                Arguments.of("number result", json("{\"case\":\"number\"}")),
                Arguments.of("list result", json("{\"case\":\"list\"}")),
                Arguments.of("null result", json("{\"case\":\"none\"}")),
                Arguments.of("stream of strings and objects", json("{\"case\":\"stream\"}")),
                Arguments.of("handler exception", json("{\"case\":\"error\"}")),
                Arguments.of("response with a status and no body", json("{\"case\":\"empty_response\"}")),
                Arguments.of("top-level JSON string payload", json("\"just a string\"")),
                Arguments.of("context: session id and forwardable headers", json("{\"case\":\"context\"}")
                        .header("X-Amzn-Bedrock-AgentCore-Runtime-Session-Id", "session-0123456789abcdef0123456789abcdef")
                        .header("X-Amzn-Bedrock-AgentCore-Runtime-Custom-Tenant", "acme")
                        .header("Authorization", "Bearer eyJhbGciOiJSUzI1NiJ9.e30.sig")
                        .header("X-Amzn-Trace-Id", "Root=1-abc")
                        .header("X-Team", "platform")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("identicalCases")
    void sameStatusContentTypeAndBody(String name, HttpRequest.Builder request) throws Exception {
        Exchange ours = send(request, URI.create("http://127.0.0.1:" + port + "/invocations"));
        Exchange reference = send(request, python.uri("/invocations"));

        assertThat(ours).as(name).isEqualTo(reference);
    }

    @Test
    void exceptionInTheMiddleOfAStreamEndsItWithOneErrorEvent() throws Exception {
        assertStreamEndsWithOneErrorEvent("stream_error", "stream broke", "IllegalArgumentException", "ValueError");
    }

    @Test
    void aCheckedExceptionFromAPublisherAlsoEndsTheStreamWithOneErrorEvent() throws Exception {
        assertStreamEndsWithOneErrorEvent("stream_timeout", "upstream timed out", "TimeoutException", "TimeoutError");
    }

    /** error_type is the exception's class name in each language, so it is the one part that may differ. */
    private void assertStreamEndsWithOneErrorEvent(String handlerCase, String error, String javaType, String pythonType)
            throws Exception {
        HttpRequest.Builder request = json("{\"case\":\"" + handlerCase + "\"}");
        Exchange ours = send(request, URI.create("http://127.0.0.1:" + port + "/invocations"));
        Exchange reference = send(request, python.uri("/invocations"));

        Exchange oursAsPython = new Exchange(ours.status(), ours.contentType(), ours.body()
                .replace("\"error_type\": \"" + javaType + "\"", "\"error_type\": \"" + pythonType + "\""));
        assertThat(oursAsPython).isEqualTo(reference);
        assertThat(ours.body()).endsWith("data: {\"error\": \"" + error + "\", \"error_type\": \"" + javaType + "\", "
                + "\"message\": \"An error occurred during streaming\"}\n\n");
    }

    @Test
    void bodiesInTheEncodingsJsonLoadsDetectsAreAcceptedAsInTheReference() throws Exception {
        String payload = "{\"case\":\"echo\",\"prompt\":\"caf\u00e9 \u2713 \ud83d\ude00\"}";
        byte[] utf8 = payload.getBytes(StandardCharsets.UTF_8);
        byte[] utf8WithBom = new byte[utf8.length + 3];
        utf8WithBom[0] = (byte) 0xEF;
        utf8WithBom[1] = (byte) 0xBB;
        utf8WithBom[2] = (byte) 0xBF;
        System.arraycopy(utf8, 0, utf8WithBom, 3, utf8.length);
        Map<String, byte[]> bodies = new java.util.LinkedHashMap<>();
        bodies.put("UTF-8 with a byte order mark", utf8WithBom);
        bodies.put("UTF-16 with a byte order mark", payload.getBytes(StandardCharsets.UTF_16));
        bodies.put("UTF-16LE without one", payload.getBytes(StandardCharsets.UTF_16LE));
        bodies.put("UTF-16BE without one", payload.getBytes(StandardCharsets.UTF_16BE));
        bodies.put("UTF-32 with a byte order mark", payload.getBytes(java.nio.charset.Charset.forName("UTF-32")));
        for (Map.Entry<String, byte[]> body : bodies.entrySet()) {
            HttpRequest.Builder request = HttpRequest.newBuilder()
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.getValue()));
            Exchange ours = send(request, URI.create("http://127.0.0.1:" + port + "/invocations"));
            Exchange reference = send(request, python.uri("/invocations"));

            assertThat(reference.status()).as(body.getKey()).isEqualTo(200);
            assertThat(ours).as(body.getKey()).isEqualTo(reference);
        }
    }

    @Test
    void headPingAnswersAsGetDoesWithoutABody() throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder().method("HEAD", HttpRequest.BodyPublishers.noBody());
        Exchange ours = send(request, URI.create("http://127.0.0.1:" + port + "/ping"));
        Exchange reference = send(request, python.uri("/ping"));

        assertThat(reference.status()).isEqualTo(200);
        assertThat(ours).isEqualTo(reference);
    }

    @Test
    void malformedJsonIs400WithTheSameErrorAndADetail() throws Exception {
        for (String body : List.of("{\"case\":", "", "{\"a\":1} trailing", "[1,2")) {
            HttpRequest.Builder request = json(body);
            Exchange ours = send(request, URI.create("http://127.0.0.1:" + port + "/invocations"));
            Exchange reference = send(request, python.uri("/invocations"));

            assertThat(ours.status()).as(body).isEqualTo(reference.status()).isEqualTo(400);
            assertThat(ours.contentType()).isEqualTo(reference.contentType());
            // The "details" text is each parser's own wording ("Expecting value: line 1 column 1 (char 0)").
            JsonNode oursBody = json.readTree(ours.body());
            JsonNode referenceBody = json.readTree(reference.body());
            assertThat(oursBody.get("error")).isEqualTo(referenceBody.get("error"));
            assertThat(oursBody.propertyNames()).containsExactlyElementsOf(referenceBody.propertyNames());
            assertThat(oursBody.get("details").asString()).isNotBlank();
        }
    }

    @Test
    void invalidUtf8Is400InvalidEncodingAsInTheReference() throws Exception {
        byte[] latin1 = "{\"prompt\":\"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);
        HttpRequest.Builder request = HttpRequest.newBuilder()
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(latin1));
        Exchange ours = send(request, URI.create("http://127.0.0.1:" + port + "/invocations"));
        Exchange reference = send(request, python.uri("/invocations"));

        assertThat(ours.status()).isEqualTo(reference.status()).isEqualTo(400);
        assertThat(json.readTree(ours.body()).get("error")).isEqualTo(json.readTree(reference.body()).get("error"));
    }

    @Test
    void pingHasTheSameShapeStatusAndContentType() throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder().GET();
        Exchange ours = send(request, URI.create("http://127.0.0.1:" + port + "/ping"));
        Exchange reference = send(request, python.uri("/ping"));

        assertThat(ours.status()).isEqualTo(reference.status()).isEqualTo(200);
        assertThat(ours.contentType()).isEqualTo(reference.contentType());
        JsonNode oursBody = json.readTree(ours.body());
        JsonNode referenceBody = json.readTree(reference.body());
        assertThat(oursBody.propertyNames()).containsExactlyElementsOf(referenceBody.propertyNames());
        assertThat(oursBody.get("status")).isEqualTo(referenceBody.get("status"));
        assertThat(oursBody.get("time_of_last_update").isIntegralNumber()).isTrue();
        // Compact, as Starlette's JSONResponse writes it.
        assertThat(ours.body()).startsWith("{\"status\":\"Healthy\",\"time_of_last_update\":");
    }

    @Test
    void unknownRoutesAndMethodsAreRefusedWithTheSameStatus() throws Exception {
        for (var request : List.of(
                Map.entry("/invocations", HttpRequest.newBuilder().GET()),
                Map.entry("/ping", HttpRequest.newBuilder().POST(HttpRequest.BodyPublishers.noBody())),
                Map.entry("/nope", HttpRequest.newBuilder().GET()))) {
            Exchange ours = send(request.getValue(), URI.create("http://127.0.0.1:" + port + request.getKey()));
            Exchange reference = send(request.getValue(), python.uri(request.getKey()));
            assertThat(ours.status()).as(request.getKey()).isEqualTo(reference.status());
        }
    }

    /**
     * {@code GET /error} answered Boot's {@code {"status":999,"error":"None"}} and {@code TRACE} Tomcat's refusal
     * listing methods nobody serves (issue 12): both now answer as the reference, status, Allow and body.
     */
    @Test
    void errorPathTraceAndUnknownPathsAnswerAsTheReference() throws Exception {
        for (String what : List.of("GET /error", "GET /nope", "TRACE /invocations", "TRACE /ping", "TRACE /nope")) {
            String method = what.substring(0, what.indexOf(' '));
            String path = what.substring(what.indexOf(' ') + 1);
            HttpRequest.Builder request = HttpRequest.newBuilder().method(method, HttpRequest.BodyPublishers.noBody());
            HttpResponse<String> ours = http.send(request.copy().uri(URI.create("http://127.0.0.1:" + port + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> reference = http.send(request.copy().uri(python.uri(path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(ours.statusCode()).as(what).isEqualTo(reference.statusCode());
            assertThat(ours.headers().firstValue("Allow")).as(what).isEqualTo(reference.headers().firstValue("Allow"));
            if (reference.statusCode() == 404) {
                assertThat(ours.body()).as(what).isEqualTo(reference.body());
            }
        }
    }

    /**
     * Media types compared as media types: Tomcat writes {@code text/event-stream;charset=utf-8} where
     * Starlette writes {@code text/event-stream; charset=utf-8}; whitespace around {@code ;} is
     * insignificant (RFC 9110, section 5.6.6) and charset names are case-insensitive.
     */
    private static String normalized(String contentType) {
        return MediaType.parseMediaType(contentType).toString().toLowerCase(java.util.Locale.ROOT);
    }

    private static HttpRequest.Builder json(String body) {
        return HttpRequest.newBuilder()
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private static Exchange send(HttpRequest.Builder request, URI uri) throws Exception {
        HttpResponse<byte[]> response = http.send(request.copy().uri(uri).build(), HttpResponse.BodyHandlers.ofByteArray());
        return new Exchange(response.statusCode(),
                response.headers().firstValue("Content-Type").map(ConformanceWithPythonReferenceTest::normalized).orElse(null),
                new String(response.body(), StandardCharsets.UTF_8));
    }
}
