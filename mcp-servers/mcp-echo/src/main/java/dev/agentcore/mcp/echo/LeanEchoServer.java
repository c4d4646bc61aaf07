package dev.agentcore.mcp.echo;

import dev.agentcore.mcp.lean.LeanMcpServer;
import dev.agentcore.mcp.server.tools.TypedTools;
import java.util.List;

/**
 * The echo server without Spring: the same {@code echo} tool as {@link EchoServerApplication}, served by
 * {@link LeanMcpServer} on port 8000 (or the port given as the first argument, or {@code PORT}).
 */
public final class LeanEchoServer {

    private LeanEchoServer() {
    }

    static LeanMcpServer.Builder server() {
        // Made once the server listens: the schemas are most of a cold start, and initialize does not need them.
        return LeanMcpServer.builder()
                .serverInfo("echo", "0.1.0")
                .tools(json -> List.of(new TypedTools(json).tool(Echo.NAME, Echo.Arguments.class, Echo.Reply.class)
                        .description(Echo.DESCRIPTION)
                        .readOnly()
                        .handledBy(Echo::echo)));
    }

    public static void main(String[] args) {
        // The SDK logs through SLF4J; Spring's Logback is on this module's class path too, and would cost start-up.
        if (System.getProperty("slf4j.provider") == null) {
            System.setProperty("slf4j.provider", "org.slf4j.simple.SimpleServiceProvider");
        }
        String port = args.length > 0 ? args[0] : System.getenv().getOrDefault("PORT", "8000");
        int parsed;
        try {
            parsed = Integer.parseInt(port);
        } catch (NumberFormatException e) {
            System.err.println("the port must be a number, was '" + port + "'");
            System.exit(2);
            return;
        }
        server().port(parsed).build().run();
    }
}
