package dev.agentcore.mcp.echo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.agentcore.mcp.testing.AgentCoreStyleClient;
import dev.agentcore.mcp.testing.RawMcpHttp;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.InitializeResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.modelcontextprotocol.spec.McpSchema.Tool;

/**
 * The MCP Java SDK client against the echo server, every request carrying an {@code Mcp-Session-Id} the server never
 * issued, as AgentCore Runtime sends them to a stateless server.
 */
@EchoServerTest
class EchoJavaClientTest {

    private static final String PLATFORM_SESSION = "b1d1c7e2-6f0e-4a8e-9d1f-platform-session";

    @LocalServerPort
    int port;

    @Autowired
    SessionHeaderRecorder recorder;

    @Test
    void initializesListsAndCallsWithThePlatformsSessionId() {
        recorder.seen().clear();
        try (McpSyncClient client = AgentCoreStyleClient.create(URI.create("http://127.0.0.1:" + port), "/mcp",
                PLATFORM_SESSION)) {
            InitializeResult initialized = client.initialize();
            assertThat(initialized.serverInfo().name()).isEqualTo("echo");
            assertThat(initialized.capabilities().tools()).isNotNull();

            Tool echo = client.listTools().tools().getFirst();
            assertThat(echo.name()).isEqualTo("echo");
            assertThat(echo.description()).isEqualTo("Echo a message back to the user.");
            assertThat(echo.inputSchema()).containsEntry("required", java.util.List.of("message"));
            assertThat(echo.outputSchema()).containsKey("properties");

            CallToolResult result = client.callTool(new CallToolRequest("echo", Map.of("message", "Grüße, 🌍")));
            assertThat(result.isError()).isFalse();
            assertThat(result.structuredContent()).isEqualTo(Map.of("message", "Grüße, 🌍"));
            assertThat(((TextContent) result.content().getFirst()).text()).isEqualTo("{\"message\":\"Grüße, 🌍\"}");

            assertThatThrownBy(() -> client.callTool(new CallToolRequest("shout", Map.of("message", "x"))))
                    .isInstanceOfSatisfying(McpError.class,
                            error -> assertThat(error.getJsonRpcError().code()).isEqualTo(-32602));
        }

        assertThat(recorder.seen()).isNotEmpty().allSatisfy(request -> {
            assertThat(request.sessionId()).isEqualTo(PLATFORM_SESSION);
            if (request.method().equals("POST")) {
                assertThat(request.status()).isBetween(200, 299);
            }
        });
    }

    @Test
    void aStatelessServerAnswersWithoutInitializeAndIssuesNoSessionOfItsOwn() {
        RawMcpHttp mcp = new RawMcpHttp(URI.create("http://127.0.0.1:" + port + "/mcp"));

        RawMcpHttp.Reply call = mcp.send(mcp.request(mcp.endpoint()).header("Content-Type", "application/json")
                .header("Accept", RawMcpHttp.ACCEPT).header("Mcp-Session-Id", PLATFORM_SESSION)
                .header("MCP-Protocol-Version", "2025-11-25")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("""
                        {"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"echo","arguments":{"message":"hi"}}}""")));

        assertThat(call.status()).isEqualTo(200);
        assertThat(call.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(call.json().at("/result/structuredContent/message").asString()).isEqualTo("hi");
        assertThat(call.headers().firstValue("Mcp-Session-Id")).isEmpty();
    }
}
