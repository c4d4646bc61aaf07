package dev.agentcore.mcp.fitness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.agentcore.mcp.testing.AgentCoreStyleClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.CompleteRequest;
import io.modelcontextprotocol.spec.McpSchema.GetPromptRequest;
import io.modelcontextprotocol.spec.McpSchema.PromptReference;
import io.modelcontextprotocol.spec.McpSchema.ReadResourceRequest;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.modelcontextprotocol.spec.McpSchema.TextResourceContents;
import io.modelcontextprotocol.spec.McpSchema.Tool;

/** Everything the fitness server offers, through the MCP Java SDK client as AgentCore Runtime calls it. */
@FitnessServerTest
class FitnessJavaClientTest {

    @LocalServerPort
    int port;

    McpSyncClient client;

    @BeforeEach
    void connect() {
        client = AgentCoreStyleClient.create(URI.create("http://127.0.0.1:" + port), "/mcp", "platform-session-7");
        client.initialize();
    }

    @AfterEach
    void close() {
        client.close();
    }

    @Test
    void everyToolDeclaresTypedInputAndStructuredOutput() {
        List<Tool> tools = client.listTools().tools();

        assertThat(tools).extracting(Tool::name).containsExactlyInAnyOrder("estimate_vo2max_cooper",
                "estimate_vo2max_heart_rate", "estimate_vo2max_race", "heart_rate_zones", "running_pace",
                "predict_race_time");
        assertThat(tools).allSatisfy(tool -> {
            assertThat(tool.inputSchema()).containsEntry("additionalProperties", false);
            assertThat(tool.outputSchema()).containsEntry("type", "object");
            assertThat(tool.annotations().readOnlyHint()).isTrue();
        });
    }

    @Test
    void toolsAnswerWithStructuredContentAndTheSameJsonAsText() {
        CallToolResult vdot = call("estimate_vo2max_race", Map.of("distanceKm", 5, "time", "20:00"));
        CallToolResult zones = call("heart_rate_zones", Map.of("age", 40, "restingHeartRate", 60));
        CallToolResult prediction = call("predict_race_time", Map.of("fromRace", "10k", "fromTime", "50:00", "toRace", "half_marathon"));

        assertThat(vdot.isError()).isFalse();
        assertThat(structured(vdot)).containsEntry("vo2max", 49.8).containsEntry("method", "daniels_vdot");
        assertThat(((TextContent) vdot.content().getFirst()).text()).contains("\"vo2max\":49.8");
        assertThat(structured(zones)).containsEntry("maxHeartRate", 180).containsEntry("method", "heart_rate_reserve");
        assertThat(structured(prediction)).containsEntry("predictedTime", "1:50:19");
    }

    @Test
    void argumentsOutsideTheSchemaAreToolErrorsNamingTheArgument() {
        CallToolResult tooYoung = call("heart_rate_zones", Map.of("age", 5));
        CallToolResult wrongType = call("running_pace", Map.of("distanceKm", "ten", "time", "50:00"));
        CallToolResult unknownRace = call("predict_race_time", Map.of("fromRace", "mile", "fromTime", "6:00", "toRace", "5k"));
        CallToolResult badTime = call("running_pace", Map.of("distanceKm", 10, "time", "fifty minutes"));

        assertThat(List.of(tooYoung, wrongType, unknownRace, badTime)).allSatisfy(r -> assertThat(r.isError()).isTrue());
        assertThat(text(tooYoung)).contains("/age");
        assertThat(text(wrongType)).contains("/distanceKm");
        assertThat(text(unknownRace)).contains("/fromRace");
        assertThat(text(badTime)).contains("/time");
    }

    @Test
    void rulesASchemaCannotStateAreToolErrorsToo() {
        CallToolResult restingAboveMax = call("estimate_vo2max_heart_rate", Map.of("restingHeartRate", 110, "maxHeartRate", 105));
        CallToolResult noMaxNoAge = call("heart_rate_zones", Map.of("restingHeartRate", 60));
        CallToolResult superhuman = call("running_pace", Map.of("distanceKm", 42.195, "time", "59:00"));
        CallToolResult impossibleClock = call("estimate_vo2max_race", Map.of("distanceKm", 10, "time", "45:75"));

        assertThat(List.of(restingAboveMax, noMaxNoAge, superhuman, impossibleClock))
                .allSatisfy(r -> assertThat(r.isError()).isTrue());
        assertThat(text(restingAboveMax)).contains("restingHeartRate (110) must be below the maximum heart rate (105)");
        assertThat(text(noMaxNoAge)).contains("give maxHeartRate, or age");
        assertThat(text(superhuman)).contains("faster than any runner");
        assertThat(text(impossibleClock)).contains("more than 59 seconds");
    }

    @Test
    void resourcesAndTheZonesTemplate() {
        assertThat(client.listResources().resources()).extracting(r -> r.uri())
                .containsExactlyInAnyOrder("fitness://formulas", "fitness://race-distances");
        assertThat(client.listResourceTemplates().resourceTemplates().getFirst().uriTemplate())
                .isEqualTo("fitness://heart-rate-zones/{age}");

        String formulas = ((TextResourceContents) client.readResource(new ReadResourceRequest("fitness://formulas"))
                .contents().getFirst()).text();
        String zones = ((TextResourceContents) client.readResource(new ReadResourceRequest("fitness://heart-rate-zones/30"))
                .contents().getFirst()).text();

        assertThat(formulas).contains("Riegel", "Tanaka", "Cooper");
        assertThat(zones).contains("\"maxHeartRate\":187");
        assertThatThrownBy(() -> client.readResource(new ReadResourceRequest("fitness://heart-rate-zones/7")))
                .isInstanceOfSatisfying(McpError.class, e -> assertThat(e.getJsonRpcError().code()).isEqualTo(-32602));
    }

    @Test
    void promptsValidateTheirArgumentsAndTheGoalRaceCompletes() {
        String plan = ((TextContent) client.getPrompt(new GetPromptRequest("training_plan",
                Map.of("goalRace", "half_marathon", "recentRace", "10k in 52:30", "weeks", "16")))
                .messages().getFirst().content()).text();

        assertThat(plan).contains("16-week", "half marathon", "10k in 52:30", "heart_rate_zones");
        assertThatThrownBy(() -> client.getPrompt(new GetPromptRequest("training_plan", Map.of("goalRace", "ultra"))))
                .isInstanceOfSatisfying(McpError.class, e -> assertThat(e.getJsonRpcError().message()).contains("goalRace"));
        assertThat(client.completeCompletion(new CompleteRequest(new PromptReference("training_plan"),
                new CompleteRequest.CompleteArgument("goalRace", "m"))).completion().values()).containsExactly("marathon");
    }

    private CallToolResult call(String tool, Map<String, Object> arguments) {
        return client.callTool(new CallToolRequest(tool, arguments));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> structured(CallToolResult result) {
        return (Map<String, Object>) result.structuredContent();
    }

    private static String text(CallToolResult result) {
        return ((TextContent) result.content().getFirst()).text();
    }
}
