package dev.agentcore.mcp.testing;

import java.net.URI;
import java.time.Duration;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema.Implementation;

/**
 * An MCP Java SDK client over streamable HTTP whose every request carries an {@code Mcp-Session-Id} the server did
 * not issue, as AgentCore Runtime adds one to each request it forwards to a stateless MCP server.
 */
public final class AgentCoreStyleClient {

    private AgentCoreStyleClient() {
    }

    /** A connected (not yet initialized) client for the server at {@code baseUrl} + {@code endpoint}. */
    public static McpSyncClient create(URI baseUrl, String endpoint, String platformSessionId) {
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport.builder(baseUrl.toString())
                .endpoint(endpoint)
                .httpRequestCustomizer((request, method, uri, body, context) ->
                        request.setHeader("Mcp-Session-Id", platformSessionId))
                .build();
        return McpClient.sync(transport)
                .clientInfo(new Implementation("agentcore-style-java-client", "1.0.0"))
                .requestTimeout(Duration.ofSeconds(20))
                .build();
    }
}
