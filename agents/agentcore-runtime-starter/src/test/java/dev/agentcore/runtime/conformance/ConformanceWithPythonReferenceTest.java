package dev.agentcore.runtime.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The starter against the Python reference: {@link HttpContractConformance} on {@link ConformanceAgent}. */
@SpringBootTest(classes = ConformanceAgent.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConformanceWithPythonReferenceTest extends HttpContractConformance {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Override
    protected URI ours(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
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
            HttpResponse<String> ours = HTTP.send(request.copy().uri(ours(path)).build(), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> reference = HTTP.send(request.copy().uri(python.uri(path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(ours.statusCode()).as(what).isEqualTo(reference.statusCode());
            assertThat(ours.headers().firstValue("Allow")).as(what).isEqualTo(reference.headers().firstValue("Allow"));
            if (reference.statusCode() == 404) {
                assertThat(ours.body()).as(what).isEqualTo(reference.body());
            }
        }
    }
}
