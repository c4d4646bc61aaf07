package dev.agentcore.bench.echo;

import dev.agentcore.runtime.core.AgentCoreApp;
import java.util.Map;
import java.util.stream.IntStream;
import tools.jackson.databind.JsonNode;

/**
 * The same echo handler as {@link EchoAgent} on the framework-free core: {@code {"stream": n}} streams n events,
 * anything else is echoed back. Port from the first argument, else 8080.
 */
public final class LeanEchoAgent {

    private LeanEchoAgent() {
    }

    public static void main(String[] args) {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : AgentCoreApp.DEFAULT_PORT;
        AgentCoreApp.builder().port(port).entrypoint(LeanEchoAgent::echo).build().run();
    }

    static Object echo(JsonNode payload, dev.agentcore.runtime.core.AgentCoreContext context) {
        JsonNode n = payload.path("stream");
        if (n.isInt()) {
            return IntStream.range(0, n.asInt()).mapToObj(i -> Map.of("i", i, "text", "chunk"));
        }
        return payload;
    }
}
