package dev.agentcore.mcp.echo;

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

/** The official TypeScript SDK client and the MCP Inspector CLI list and call the echo tool over streamable HTTP. */
@EchoServerTest
class EchoOfficialClientsTest {

    private static final Map<String, String> PLATFORM_HEADERS = Map.of("Mcp-Session-Id", "platform-session-42");

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
    void theTypeScriptSdkClientListsAndCallsEcho() {
        JsonNode out = new TypeScriptSdkClient(node).listAndCall(url,
                List.of(new Call("echo", Map.of("message", "from TypeScript")), new Call("shout", Map.of())),
                PLATFORM_HEADERS);

        assertThat(out.at("/server/name").asString()).isEqualTo("echo");
        assertThat(out.at("/tools/0/name").asString()).isEqualTo("echo");
        assertThat(out.at("/tools/0/inputSchema/required/0").asString()).isEqualTo("message");
        // The TypeScript client checks structuredContent against the tool's outputSchema before returning it.
        assertThat(out.at("/results/0/result/structuredContent/message").asString()).isEqualTo("from TypeScript");
        assertThat(out.at("/results/0/result/isError").asBoolean()).isFalse();
        assertThat(out.at("/results/1/error/code").asInt()).isEqualTo(-32602);
    }

    @Test
    void theInspectorCliListsAndCallsEcho() {
        InspectorCli inspector = new InspectorCli(node);

        InspectorCli.Answer list = inspector.listTools(url, PLATFORM_HEADERS);
        InspectorCli.Answer call = inspector.callTool(url, PLATFORM_HEADERS, "echo", Map.of("message", "from the Inspector"));
        InspectorCli.Answer unknown = inspector.callTool(url, PLATFORM_HEADERS, "shout", Map.of("message", "x"));

        assertThat(list.exitCode()).as(list.run().describe()).isZero();
        assertThat(list.output().at("/tools/0/name").asString()).isEqualTo("echo");
        assertThat(call.exitCode()).as(call.run().describe()).isZero();
        assertThat(call.output().at("/structuredContent/message").asString()).isEqualTo("from the Inspector");
        assertThat(unknown.exitCode()).isEqualTo(5);
        assertThat(unknown.output().at("/error/code").asString()).isEqualTo("tool_not_found");
    }
}
