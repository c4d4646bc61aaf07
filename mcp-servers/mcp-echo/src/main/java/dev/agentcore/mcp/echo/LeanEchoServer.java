package dev.agentcore.mcp.echo;

import dev.agentcore.http.ListenAddress;
import dev.agentcore.mcp.lean.LeanMcpServer;
import dev.agentcore.mcp.server.tools.TypedTools;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The echo server without Spring, the image's entry point: the same {@code echo} tool as
 * {@link EchoServerApplication}, served by {@link LeanMcpServer} where the environment says ({@code SERVER_ADDRESS},
 * {@code SERVER_PORT} or {@code PORT}, as for the Spring server; {@link ListenAddress}), port 8000 by default. A first
 * argument is the port, for the benchmarks.
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
        Map<String, String> environment = new HashMap<>(System.getenv());
        if (args.length > 0) {
            environment.put(ListenAddress.PORT_VARIABLE, args[0]); // the benchmarks give the port as an argument
        }
        ListenAddress listen;
        try {
            listen = ListenAddress.fromEnvironment(environment, LeanMcpServer.DEFAULT_PORT);
        } catch (IllegalArgumentException e) {
            System.err.println("mcp-echo: " + e.getMessage());
            System.exit(2);
            return;
        }
        server().host(listen.host()).port(listen.port()).build().run();
    }
}
