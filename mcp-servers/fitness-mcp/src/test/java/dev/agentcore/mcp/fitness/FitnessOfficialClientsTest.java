package dev.agentcore.mcp.fitness;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.agentcore.mcp.testing.InspectorCli;
import dev.agentcore.mcp.testing.NodeTools;
import dev.agentcore.mcp.testing.TypeScriptSdkClient;
import dev.agentcore.mcp.testing.TypeScriptSdkClient.Call;
import tools.jackson.databind.JsonNode;

/**
 * The official TypeScript SDK client and the MCP Inspector CLI against the fitness server. The TypeScript client
 * validates every {@code structuredContent} against the tool's {@code outputSchema}, so each call here also checks
 * that the generated output schemas describe what the tools return.
 */
@FitnessServerTest
class FitnessOfficialClientsTest {

    private static final Map<String, String> PLATFORM_HEADERS = Map.of("Mcp-Session-Id", "platform-session-9");

    @LocalServerPort
    int port;

    NodeTools node;
    URI url;

    @BeforeEach
    void tools() {
        node = NodeTools.installed();
        url = URI.create("http://127.0.0.1:" + port + "/mcp");
    }

    @Test
    void theTypeScriptSdkClientCallsEveryTool() {
        JsonNode out = new TypeScriptSdkClient(node).listAndCall(url, List.of(
                new Call("estimate_vo2max_cooper", Map.of("distanceMetres", 2800)),
                new Call("estimate_vo2max_heart_rate", Map.of("restingHeartRate", 50, "age", 30)),
                new Call("estimate_vo2max_race", Map.of("distanceKm", 10, "time", "41:21")),
                new Call("heart_rate_zones", Map.of("maxHeartRate", 190)),
                new Call("running_pace", Map.of("distanceKm", 21.0975, "time", "1:45:00")),
                new Call("predict_race_time", Map.of("fromRace", "5k", "fromTime", "25:00", "toRace", "marathon")),
                new Call("running_pace", Map.of("distanceKm", 0))), PLATFORM_HEADERS);

        assertThat(out.at("/tools")).hasSize(6);
        for (int i = 0; i < 6; i++) {
            assertThat(out.at("/results/" + i + "/result/isError").asBoolean()).as(out.at("/results/" + i).toString()).isFalse();
            assertThat(out.at("/results/" + i + "/result/structuredContent").isObject()).isTrue();
        }
        assertThat(out.at("/results/0/result/structuredContent/vo2max").asDouble()).isEqualTo(51.3);
        assertThat(out.at("/results/4/result/structuredContent/pacePerKm").asString()).isEqualTo("4:59");
        assertThat(out.at("/results/6/result/isError").asBoolean()).isTrue();
        assertThat(out.at("/results/6/result/content/0/text").asString()).contains("/distanceKm");
    }

    @Test
    void theInspectorCliTypesItsArgumentsFromTheSchemaAndCalls() {
        InspectorCli inspector = new InspectorCli(node);

        InspectorCli.Answer list = inspector.listTools(url, PLATFORM_HEADERS);
        InspectorCli.Answer zones = inspector.callTool(url, PLATFORM_HEADERS, "heart_rate_zones",
                Map.of("age", "35", "restingHeartRate", "52"));

        assertThat(list.exitCode()).as(list.run().describe()).isZero();
        assertThat(list.output().at("/tools")).hasSize(6);
        assertThat(zones.exitCode()).as(zones.run().describe()).isZero();
        assertThat(zones.output().at("/structuredContent/maxHeartRate").asInt()).isEqualTo(184);
        assertThat(zones.output().at("/structuredContent/zones")).hasSize(5);
    }
}
