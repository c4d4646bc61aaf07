package dev.agentcore.core.runtime;

import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What a runtime's container serves ({@code protocolConfiguration.serverProtocol}): the HTTP agent contract
 * ({@code /invocations}, {@code /ping} on 8080), MCP ({@code /mcp} on 8000), A2A or AG-UI.
 */
public enum ServerProtocol {
    HTTP("HTTP"), MCP("MCP"), A2A("A2A"), AGUI("AGUI");

    private final String wireName;

    ServerProtocol(String wireName) {
        this.wireName = wireName;
    }

    /** As the control plane and the state file write it. */
    @JsonValue
    public String wireName() {
        return wireName;
    }

    /** The protocol named {@code text} (any case), or empty. */
    public static Optional<ServerProtocol> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String upper = text.strip().toUpperCase(Locale.ROOT);
        for (ServerProtocol p : values()) {
            if (p.wireName.equals(upper)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** For readers of JSON: an unknown protocol is an error that names the values it could have been. */
    @JsonCreator
    static ServerProtocol fromJson(String text) {
        return parse(text).orElseThrow(() -> new IllegalArgumentException(
                "unknown protocol '" + text + "'; expected HTTP, MCP, A2A or AGUI"));
    }
}
