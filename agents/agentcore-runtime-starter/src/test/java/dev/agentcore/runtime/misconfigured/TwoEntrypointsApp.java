package dev.agentcore.runtime.misconfigured;

import dev.agentcore.runtime.AgentCoreEntrypoint;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.stereotype.Component;

/** Two entrypoints: the starter must refuse to start and name both. */
@SpringBootApplication
public class TwoEntrypointsApp {

    @Component
    static class First {
        @AgentCoreEntrypoint
        String handle(String payload) {
            return payload;
        }
    }

    @Component
    static class Second {
        @AgentCoreEntrypoint
        String handle(String payload) {
            return payload;
        }
    }
}
