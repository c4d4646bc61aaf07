package dev.agentcore.runtime.core;

import dev.agentcore.runtime.conformance.HttpContractConformance;
import java.net.URI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The core against the Python reference: the same suite the Spring starter passes. */
class HttpConformanceTest extends HttpContractConformance {

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
    protected URI ours(String path) {
        return URI.create("http://127.0.0.1:" + app.port() + path);
    }
}
