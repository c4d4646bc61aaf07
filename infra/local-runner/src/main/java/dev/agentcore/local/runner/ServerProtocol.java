package dev.agentcore.local.runner;

/** The runtime's {@code protocolConfiguration.serverProtocol} this runner serves, with the contract's port. */
public enum ServerProtocol {
    /** {@code POST /invocations} and {@code GET /ping} on 8080. */
    HTTP(8080),
    /** Streamable HTTP {@code POST /mcp} on 8000. */
    MCP(8000);

    private final int contractPort;

    ServerProtocol(int contractPort) {
        this.contractPort = contractPort;
    }

    /** The port the service's contract names inside the microVM; on one host each session gets its own instead. */
    public int contractPort() {
        return contractPort;
    }
}
