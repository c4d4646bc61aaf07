package dev.agentcore.samples.coach;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import dev.agentcore.runtime.core.AgentCoreApp;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The tool loop end to end over HTTP on loopback, configured as the main configures it, on the offline model, which
 * calls the tool the prompt names.
 */
class FitnessCoachTest {

    private static final HttpClient http = HttpClient.newHttpClient();
    private static final JsonMapper json = JsonMapper.builder().build();

    private static AgentCoreApp app;
    private static int port;

    @BeforeAll
    static void start() throws Exception {
        app = FitnessCoachApplication.configured(Map.of("AGENT_MODEL_PROVIDER", "offline",
                "SERVER_ADDRESS", "127.0.0.1", "SERVER_PORT", "0")).start();
        port = app.port();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void aToolRequestRunsTheToolAndStreamsEachStep() throws Exception {
        List<JsonNode> events = invoke("heart_rate_zones age=40 restingHeartRate=55");

        assertThat(events).extracting(e -> e.get("type").asString())
                .contains("tool_use", "tool_result", "text_delta")
                .endsWith("final");
        JsonNode toolUse = first(events, "tool_use");
        assertThat(toolUse.get("name").asString()).isEqualTo("heart_rate_zones");
        assertThat(toolUse.get("input")).isEqualTo(json.readTree("{\"age\":40,\"restingHeartRate\":55}"));
        JsonNode result = first(events, "tool_result");
        assertThat(result.get("status").asString()).isEqualTo("success");
        assertThat(result.toString()).contains("\"name\":\"Recovery\"", "\"lowBpm\":118");
        assertThat(events.getLast().get("stopReason").asString()).isEqualToIgnoringCase("end_turn");
    }

    @Test
    void invalidToolInputReachesTheModelAsAnErrorResult() throws Exception {
        List<JsonNode> events = invoke("vo2_max_cooper metres=300");

        JsonNode result = first(events, "tool_result");
        assertThat(result.get("status").asString()).isEqualTo("error");
        assertThat(result.toString()).contains("metres must be between 1000 and 5000");
        assertThat(events.getLast().get("type").asString()).isEqualTo("final");
    }

    @Test
    void aPayloadWithoutAPromptIs400WithAClearError() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/invocations"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"question\":\"zones?\"}")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("{\"error\":\"the payload needs a \\\"prompt\\\" string\"}");
    }

    private List<JsonNode> invoke(String prompt) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/invocations"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(new FitnessCoach.Prompt(prompt))))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return Arrays.stream(response.body().split("\n\n"))
                .map(event -> json.readTree(event.substring("data: ".length())))
                .toList();
    }

    private static JsonNode first(List<JsonNode> events, String type) {
        return events.stream().filter(e -> e.get("type").asString().equals(type)).findFirst().orElseThrow();
    }
}
