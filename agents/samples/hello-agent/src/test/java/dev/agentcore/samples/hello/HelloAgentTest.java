package dev.agentcore.samples.hello;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.stream.Collectors;
import dev.agentcore.runtime.core.AgentCoreApp;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The hello agent over real HTTP on loopback, configured as its main configures it: the offline model asked for by
 * name in the environment, as {@code make demo} does.
 */
class HelloAgentTest {

    private static final HttpClient http = HttpClient.newHttpClient();
    private static final JsonMapper json = JsonMapper.builder().build();

    private static AgentCoreApp app;
    private static int port;

    @BeforeAll
    static void start() throws Exception {
        app = HelloAgentApplication.configured(Map.of("AGENT_MODEL_PROVIDER", "offline",
                "SERVER_ADDRESS", "127.0.0.1", "SERVER_PORT", "0")).start();
        port = app.port();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void streamsTheAnswerAsDataLinesOfJsonStrings() throws Exception {
        HttpResponse<String> response = invoke("{\"prompt\":\"What is VO2 max?\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/event-stream"));
        assertThat(response.body()).startsWith("data: \"").endsWith("\"\n\n").doesNotContainPattern("(?m)^(event|id):");
        // What the seed's client does: strip "data: ", decode the JSON string, join.
        String answer = Arrays.stream(response.body().split("\n\n"))
                .map(event -> json.readTree(event.substring("data: ".length())).asString())
                .collect(Collectors.joining());
        assertThat(answer).isEqualTo("[offline model] You said: What is VO2 max?");
    }

    @Test
    void aPayloadWithoutAPromptIs400WithAClearError() throws Exception {
        HttpResponse<String> response = invoke("{\"question\":\"What is VO2 max?\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("{\"error\":\"the payload needs a \\\"prompt\\\" string\"}");
    }

    @Test
    void pingIsHealthy() throws Exception {
        HttpResponse<String> ping = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/ping"))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(json.readTree(ping.body()).get("status").asString()).isEqualTo("Healthy");
    }

    private HttpResponse<String> invoke(String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/invocations"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
