package dev.agentcore.mcp.echo;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import jakarta.validation.constraints.NotNull;

/** The echo tool: the seed's FastMCP {@code echo(message: str)}, which answers {@code {"message": message}}. */
final class Echo {

    static final String NAME = "echo";
    static final String DESCRIPTION = "Echo a message back to the user.";

    private Echo() {
    }

    /** The tool's one argument. */
    record Arguments(@NotNull @JsonPropertyDescription("message to echo") String message) {
    }

    /** What the tool returns, as structured content and as its JSON text. */
    @JsonClassDescription("Object with the message echoed back")
    record Reply(@NotNull @JsonPropertyDescription("the message, unchanged") String message) {
    }

    static Reply echo(Arguments arguments) {
        return new Reply(arguments.message());
    }
}
