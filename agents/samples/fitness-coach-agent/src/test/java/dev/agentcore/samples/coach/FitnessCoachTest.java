package dev.agentcore.samples.coach;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The tool loop end to end over HTTP, on the offline model, which calls the tool the prompt names. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "agent.model.provider=offline")
class FitnessCoachTest {

    private static final HttpClient http = HttpClient.newHttpClient();
    private static final JsonMapper json = JsonMapper.builder().build();

    @LocalServerPort
    int port;

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
