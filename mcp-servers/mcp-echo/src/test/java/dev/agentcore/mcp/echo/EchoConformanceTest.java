package dev.agentcore.mcp.echo;

import static dev.agentcore.mcp.testing.ConformanceScenarios.callingFixtureFeatures;
import static dev.agentcore.mcp.testing.ConformanceScenarios.leftOut;
import static dev.agentcore.mcp.testing.ConformanceScenarios.needingASession;

import java.net.URI;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.agentcore.mcp.testing.ConformanceSuite;
import dev.agentcore.mcp.testing.NodeTools;

/**
 * The official MCP conformance suite against the echo server as it ships. Scenarios that need the suite's fixture
 * tools run against mcp-conformance-fixture instead, on the same stack.
 */
@EchoServerTest
class EchoConformanceTest {

    static final Set<String> MUST_PASS = Set.of("server-initialize", "ping", "tools-list");

    static final String NEEDS_FIXTURE = "calls the suite's fixture tools/resources/prompts, which echo does not have; "
            + "passes against mcp-conformance-fixture (same stack)";
    static final Map<String, String> LEFT_OUT = leftOut(callingFixtureFeatures(NEEDS_FIXTURE), needingASession(), Map.of(
            "resources-list", NEEDS_FIXTURE + "; echo serves no resources",
            "prompts-list", NEEDS_FIXTURE + "; echo serves no prompts",
            "dns-rebinding-protection", "echo must accept the Host header AgentCore forwards, so Host/Origin "
                    + "checks are off by default (mcp.server.allowed-hosts); the fixture turns them on and passes"));

    @LocalServerPort
    int port;

    @Test
    void everyScenarioThatAppliesToTheEchoServerPasses() {
        new ConformanceSuite(NodeTools.installed())
                .runAll(URI.create("http://127.0.0.1:" + port + "/mcp"))
                .assertPassed(MUST_PASS, LEFT_OUT);
    }
}
