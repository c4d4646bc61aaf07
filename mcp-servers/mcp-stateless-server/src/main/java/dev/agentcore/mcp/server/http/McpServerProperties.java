package dev.agentcore.mcp.server.http;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How the MCP server presents itself and where it listens (prefix {@code mcp.server}). The port and bind address
 * are Boot's own {@code server.port} and {@code server.address}.
 *
 * @param name            server name reported by {@code initialize}
 * @param version         server version reported by {@code initialize}
 * @param instructions    optional instructions for the client's model, reported by {@code initialize}
 * @param endpoint        the one path that serves MCP; AgentCore Runtime calls {@code POST /mcp}
 * @param maxRequestSize  larger request bodies get HTTP 413
 * @param requestTimeout  how long one request may run in a tool, resource or prompt handler
 * @param requestBodyTimeout how long a request body may take to arrive, in all; a later one is answered 408 and its
 *                        connection closed, so that clients sending a byte a second cannot hold the server's threads
 * @param allowedHosts    Host header patterns ({@code localhost:*}); empty accepts any Host, which AgentCore needs
 *                        because it forwards its own. Outside a container the default is the loopback names
 *                        ({@link McpServerEnvironmentDefaults}), against DNS rebinding.
 * @param allowedOrigins  Origin header patterns ({@code http://localhost:*}); a request with another Origin is refused
 *                        when either list is set
 */
@ConfigurationProperties("mcp.server")
public record McpServerProperties(
        @DefaultValue("mcp-server") String name,
        @DefaultValue("0.1.0") String version,
        String instructions,
        @DefaultValue("/mcp") String endpoint,
        @DefaultValue("16MB") DataSize maxRequestSize,
        @DefaultValue("30s") Duration requestTimeout,
        @DefaultValue("10s") Duration requestBodyTimeout,
        @DefaultValue List<String> allowedHosts,
        @DefaultValue List<String> allowedOrigins) {

    public McpServerProperties {
        if (!endpoint.startsWith("/")) {
            throw new IllegalArgumentException("mcp.server.endpoint must start with '/', got '" + endpoint + "'");
        }
        if (maxRequestSize.toBytes() < 1 || maxRequestSize.toBytes() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("mcp.server.max-request-size must be between 1B and 2GB, got " + maxRequestSize);
        }
        if (requestBodyTimeout.isNegative() || requestBodyTimeout.isZero()) {
            throw new IllegalArgumentException("mcp.server.request-body-timeout must be positive, got " + requestBodyTimeout);
        }
    }

    /** Whether Host/Origin checks (DNS-rebinding protection) are on. */
    boolean validatesHostAndOrigin() {
        return !allowedHosts.isEmpty() || !allowedOrigins.isEmpty();
    }
}
