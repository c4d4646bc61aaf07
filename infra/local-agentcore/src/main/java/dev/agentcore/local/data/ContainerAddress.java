package dev.agentcore.local.data;

import java.net.URI;

import dev.agentcore.core.runtime.ServerProtocol;

/**
 * Where one session's container listens: {@code http://host:port} of its contract port (8080 for HTTP, 8000 for MCP
 * on AgentCore; any port locally).
 */
public record ContainerAddress(URI base) {

    public ContainerAddress {
        if (base == null || !"http".equals(base.getScheme()) || base.getHost() == null || base.getPort() < 0) {
            throw new IllegalArgumentException("a container address is http://host:port, not " + base);
        }
    }

    public static ContainerAddress of(String host, int port) {
        return new ContainerAddress(URI.create("http://" + host + ":" + port));
    }

    /** The contract's path for {@code protocol}: {@code POST /invocations} (HTTP) or {@code POST /mcp} (MCP). */
    public URI invocationUri(ServerProtocol protocol) {
        return base.resolve(switch (protocol) {
            case MCP -> "/mcp";
            default -> "/invocations";
        });
    }

    public URI pingUri() {
        return base.resolve("/ping");
    }
}
