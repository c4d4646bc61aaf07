package dev.agentcore.bench.echo;

import dev.agentcore.runtime.AgentCoreEntrypoint;
import java.util.Map;
import java.util.stream.IntStream;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * The same echo handler as scripts/bench/echo_agent.py: {@code {"stream": n}} streams n events,
 * anything else is echoed back.
 */
@SpringBootApplication
public class EchoAgent {

    public static void main(String[] args) {
        SpringApplication.run(EchoAgent.class, args);
    }

    @Component
    static class Echo {
        @AgentCoreEntrypoint
        Object echo(JsonNode payload) {
            JsonNode n = payload.path("stream");
            if (n.isInt()) {
                return IntStream.range(0, n.asInt()).mapToObj(i -> Map.of("i", i, "text", "chunk"));
            }
            return payload;
        }
    }
}
