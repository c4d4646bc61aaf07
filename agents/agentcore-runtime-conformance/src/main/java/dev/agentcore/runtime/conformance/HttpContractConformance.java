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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends the same requests to an implementation of the AgentCore HTTP contract and to the Python SDK's
 * BedrockAgentCoreApp with the same handlers (python/conformance_app.py), and requires the same status codes,
 * content types and bodies, byte for byte. Where the two cannot agree byte for byte (the parser's own wording of a
 * JSON syntax error), the test says so and compares the rest.
 *
 * <p>An implementation's test extends this class, serves the same handlers and says where: {@link #ours(String)}.
 */
public abstract class HttpContractConformance {

    @RegisterExtension
    static final PythonReferenceApp.PerClass python = new PythonReferenceApp.PerClass("conformance_app.py");
    private static final HttpClient http = HttpClient.newHttpClient();
    private static final JsonMapper json = JsonMapper.builder().build();

    /** The implementation's URI for a path ({@code /invocations}, {@code /ping}). */
    protected abstract URI ours(String path);


    record Exchange(int status, String contentType, String body) {
    }

    public static Stream<Arguments> identicalCases() {
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
    public void sameStatusContentTypeAndBody(String name, HttpRequest.Builder request) throws Exception {
        Exchange ours = send(request, ours("/invocations"));
        Exchange reference = send(request, python.uri("/invocations"));

        assertThat(ours).as(name).isEqualTo(reference);
    }

    @Test
    public void exceptionInTheMiddleOfAStreamEndsItWithOneErrorEvent() throws Exception {
        assertStreamEndsWithOneErrorEvent("stream_error", "stream broke", "IllegalArgumentException", "ValueError");
    }

    @Test
    public void aCheckedExceptionFromAPublisherAlsoEndsTheStreamWithOneErrorEvent() throws Exception {
        assertStreamEndsWithOneErrorEvent("stream_timeout", "upstream timed out", "TimeoutException", "TimeoutError");
    }

    /** error_type is the exception's class name in each language, so it is the one part that may differ. */
    private void assertStreamEndsWithOneErrorEvent(String handlerCase, String error, String javaType, String pythonType)
            throws Exception {
        HttpRequest.Builder request = json("{\"case\":\"" + handlerCase + "\"}");
        Exchange ours = send(request, ours("/invocations"));
        Exchange reference = send(request, python.uri("/invocations"));

        Exchange oursAsPython = new Exchange(ours.status(), ours.contentType(), ours.body()
                .replace("\"error_type\": \"" + javaType + "\"", "\"error_type\": \"" + pythonType + "\""));
        assertThat(oursAsPython).isEqualTo(reference);
        assertThat(ours.body()).endsWith("data: {\"error\": \"" + error + "\", \"error_type\": \"" + javaType + "\", "
                + "\"message\": \"An error occurred during streaming\"}\n\n");
    }

    @Test
    public void bodiesInTheEncodingsJsonLoadsDetectsAreAcceptedAsInTheReference() throws Exception {
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
            Exchange ours = send(request, ours("/invocations"));
            Exchange reference = send(request, python.uri("/invocations"));

            assertThat(reference.status()).as(body.getKey()).isEqualTo(200);
            assertThat(ours).as(body.getKey()).isEqualTo(reference);
        }
    }

    @Test
    public void headPingAnswersAsGetDoesWithoutABody() throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder().method("HEAD", HttpRequest.BodyPublishers.noBody());
        Exchange ours = send(request, ours("/ping"));
        Exchange reference = send(request, python.uri("/ping"));

        assertThat(reference.status()).isEqualTo(200);
        assertThat(ours).isEqualTo(reference);
    }

    @Test
    public void malformedJsonIs400WithTheSameErrorAndADetail() throws Exception {
        for (String body : List.of("{\"case\":", "", "{\"a\":1} trailing", "[1,2")) {
            HttpRequest.Builder request = json(body);
            Exchange ours = send(request, ours("/invocations"));
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
    public void invalidUtf8Is400InvalidEncodingAsInTheReference() throws Exception {
        byte[] latin1 = "{\"prompt\":\"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);
        HttpRequest.Builder request = HttpRequest.newBuilder()
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(latin1));
        Exchange ours = send(request, ours("/invocations"));
        Exchange reference = send(request, python.uri("/invocations"));

        assertThat(ours.status()).isEqualTo(reference.status()).isEqualTo(400);
        assertThat(json.readTree(ours.body()).get("error")).isEqualTo(json.readTree(reference.body()).get("error"));
    }

    @Test
    public void pingHasTheSameShapeStatusAndContentType() throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder().GET();
        Exchange ours = send(request, ours("/ping"));
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

    /**
     * Wrong methods and unknown paths answer as Starlette does: the same status and {@code Allow}, and a 404's body
     * byte for byte. Among them what a servlet container answered its own way (issue 12): {@code GET /error},
     * {@code TRACE}, and a plain {@code GET /ws}, which is no WebSocket route match in Starlette and so a 404.
     */
    @Test
    public void unknownRoutesAndMethodsAreRefusedWithTheSameStatus() throws Exception {
        for (String what : List.of("GET /invocations", "POST /ping", "GET /nope", "GET /error", "GET /ws",
                "TRACE /invocations", "TRACE /ping", "TRACE /nope")) {
            String method = what.substring(0, what.indexOf(' '));
            String path = what.substring(what.indexOf(' ') + 1);
            HttpRequest request = HttpRequest.newBuilder(ours(path)).method(method, HttpRequest.BodyPublishers.noBody())
                    .build();
            HttpResponse<String> ours = http.send(request, HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> reference = http.send(HttpRequest.newBuilder(request, (name, value) -> true)
                    .uri(python.uri(path)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(ours.statusCode()).as(what).isEqualTo(reference.statusCode());
            assertThat(allowed(ours)).as(what + " Allow").isEqualTo(allowed(reference));
            if (reference.statusCode() == 404) {
                assertThat(ours.body()).as(what).isEqualTo(reference.body());
            }
        }
    }

    /** The methods an {@code Allow} header names, as a set: Starlette joins a Python set, whose order is per process. */
    private static java.util.Set<String> allowed(HttpResponse<?> response) {
        return response.headers().firstValue("Allow")
                .map(value -> new java.util.TreeSet<>(List.of(value.split("\\s*,\\s*"))))
                .orElse(null);
    }

    /**
     * Media types compared as media types: Tomcat writes {@code text/event-stream;charset=utf-8} where
     * Starlette writes {@code text/event-stream; charset=utf-8}; whitespace around {@code ;} is
     * insignificant (RFC 9110, section 5.6.6) and charset names are case-insensitive.
     */
    static String normalized(String contentType) {
        return contentType.replaceAll("\\s*;\\s*", ";").strip().toLowerCase(java.util.Locale.ROOT);
    }

    private static HttpRequest.Builder json(String body) {
        return HttpRequest.newBuilder()
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private static Exchange send(HttpRequest.Builder request, URI uri) throws Exception {
        HttpResponse<byte[]> response = http.send(request.copy().uri(uri).build(), HttpResponse.BodyHandlers.ofByteArray());
        return new Exchange(response.statusCode(),
                response.headers().firstValue("Content-Type").map(HttpContractConformance::normalized).orElse(null),
                new String(response.body(), StandardCharsets.UTF_8));
    }
}
