package dev.agentcore.core.runtime;

import java.util.Locale;
import java.util.Optional;

/**
 * What a runtime's container serves ({@code protocolConfiguration.serverProtocol}): the HTTP agent contract
 * ({@code /invocations}, {@code /ping} on 8080), MCP ({@code /mcp} on 8000), A2A or AG-UI.
 */
public enum ServerProtocol {
    HTTP, MCP, A2A, AGUI;

    /** The protocol named {@code text} (any case), or empty. */
    public static Optional<ServerProtocol> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        for (ServerProtocol p : values()) {
            if (p.name().equals(text.strip().toUpperCase(Locale.ROOT))) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
