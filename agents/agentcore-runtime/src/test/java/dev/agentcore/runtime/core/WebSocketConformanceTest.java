package dev.agentcore.runtime.core;

import dev.agentcore.runtime.conformance.WebSocketContractConformance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The core's {@code /ws} against the Python reference: the same suite the Spring starter passes. */
class WebSocketConformanceTest extends WebSocketContractConformance {

    private static AgentCoreApp app;

    @BeforeAll
    static void start() throws Exception {
        app = ConformanceHandlers.app().build().start();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Override
    protected int port() {
        return app.port();
    }

    @Override
    protected Running startWithoutWebSocketHandler() throws Exception {
        AgentCoreApp noHandler = AgentCoreApp.builder().port(0).entrypoint((payload, context) -> payload).build().start();
        return new Running(noHandler.port(), noHandler::close);
    }
}
