package dev.agentcore.runtime.load;

import dev.agentcore.runtime.AgentCoreEntrypoint;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/** An agent that answers how long the payload's prompt was; run in a JVM of its own by {@link PingUnderLargeBodiesTest}. */
@SpringBootApplication
public class LargeBodiesAgent {

    public static void main(String[] args) {
        SpringApplication.run(LargeBodiesAgent.class, args);
    }

    @Component
    static class Handler {
        @AgentCoreEntrypoint
        Object handle(JsonNode payload) {
            return payload.path("prompt").asString().length();
        }
    }
}
