package dev.agentcore.bench.echo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentcore.testing.LoopbackProcess;
import dev.agentcore.testing.PackagedJar;
import dev.agentcore.testing.RepositoryFiles;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The packaged starter app started on its build-time (Spring AOT) application context, the Spring path's fast start
 * that make bench-runtime measures: the annotated entry point is found and serves JSON and a stream.
 */
class SpringAotStartIT {

    @Test
    void theAotProcessedContextServesTheEntrypoint() throws Exception {
        try (LoopbackProcess app = PackagedJar.start(RepositoryFiles.root().resolve("agents/benchmarks/echo-agent/target/echo-agent.jar"),
                List.of("-Dspring.aot.enabled=true"), List.of("--server.port={port}", "--server.address=127.0.0.1"));
             HttpClient http = HttpClient.newHttpClient()) {
            String base = "http://127.0.0.1:" + app.port();

            assertThat(http.send(HttpRequest.newBuilder(URI.create(base + "/ping")).build(),
                    HttpResponse.BodyHandlers.ofString()).body()).contains("\"status\":\"Healthy\"");
            // The Python reference's JSON spacing (json.dumps), as the conformance suite requires.
            assertThat(invoke(http, base, "{\"n\":42}")).isEqualTo("{\"n\": 42}");
            String stream = invoke(http, base, "{\"stream\":2}");
            assertThat(stream.split("\n\n")).hasSize(2).allMatch(event -> event.startsWith("data: {"));
            assertThat(stream).contains("\"i\": 0").contains("\"i\": 1");
            assertThat(app.output()).contains("Starting AOT-processed EchoAgent");
        }
    }

    private static String invoke(HttpClient http, String base, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + "/invocations"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }
}
