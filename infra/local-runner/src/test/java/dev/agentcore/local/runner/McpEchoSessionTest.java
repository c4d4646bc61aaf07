package dev.agentcore.local.runner;

import dev.agentcore.testing.JibImages;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** mcp-echo's Jib image as an MCP runtime: healthy once POST /mcp answers initialize, on the session's own port. */
class McpEchoSessionTest {

    @TempDir
    Path work;

    @Test
    void anMcpRuntimeIsHealthyWhenItAnswersInitializeAndListsItsTools() throws Exception {
        String uri = "123456789012.dkr.ecr.us-east-1.amazonaws.com/mcp-echo:latest";
        try (SessionPool pool = new SessionPool(ImageSource.registered().register(uri, JibImages.mcpEcho()),
                SessionPool.Settings.defaults(work.resolve("work"), work.resolve("logs")))) {
            assertThat(pool.inspect(uri).exposedPorts()).containsExactly(ServerProtocol.MCP.contractPort());
            SessionKey key = new SessionKey("mcp_echo-abcdefghij", "1", "m".repeat(33));
            try (SessionLease lease = pool.acquire(key, SessionLaunch.builder(uri, ServerProtocol.MCP).build());
                    HttpClient http = HttpClient.newHttpClient()) {
                assertThat(lease.port()).isNotEqualTo(8000);
                HttpResponse<String> tools = http.send(HttpRequest.newBuilder(lease.endpoint().resolve("/mcp"))
                        .header("Content-Type", "application/json")
                        .header("Accept", "application/json, text/event-stream")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}"))
                        .build(), HttpResponse.BodyHandlers.ofString());
                assertThat(tools.statusCode()).isEqualTo(200);
                assertThat(tools.body()).contains("\"echo\"");
                // The image's lean server, on loopback as the runner's SERVER_ADDRESS says (DOCKER_CONTAINER alone would
                // make it listen on all interfaces).
                assertThat(java.nio.file.Files.readString(lease.logFile())).contains("dev.agentcore.mcp.echo.LeanEchoServer")
                        .contains("listening on http://127.0.0.1:" + lease.port() + "/mcp");
            }
        }
    }
}
