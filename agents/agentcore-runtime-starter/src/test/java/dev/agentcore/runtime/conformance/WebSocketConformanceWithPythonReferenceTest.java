package dev.agentcore.runtime.conformance;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import dev.agentcore.runtime.autoconfigure.AgentCoreServer;
import org.springframework.context.ConfigurableApplicationContext;

/** The starter against the Python reference: {@link WebSocketContractConformance} on {@link ConformanceAgent}. */
@SpringBootTest(classes = ConformanceAgent.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WebSocketConformanceWithPythonReferenceTest extends WebSocketContractConformance {

    @LocalServerPort
    int port;

    @Override
    protected int port() {
        return port;
    }

    @Override
    protected Running startWithoutWebSocketHandler() {
        ConfigurableApplicationContext app = new SpringApplicationBuilder(NoWebSocketAgent.class)
                .properties("server.port=0", "spring.main.banner-mode=off").run();
        return new Running(app.getBean(AgentCoreServer.class).port(), app::close);
    }
}
