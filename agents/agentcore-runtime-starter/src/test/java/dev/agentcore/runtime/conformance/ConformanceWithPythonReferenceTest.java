package dev.agentcore.runtime.conformance;

import java.net.URI;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The starter against the Python reference: {@link HttpContractConformance} on {@link ConformanceAgent}. */
@SpringBootTest(classes = ConformanceAgent.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConformanceWithPythonReferenceTest extends HttpContractConformance {

    @LocalServerPort
    int port;

    @Override
    protected URI ours(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
