package dev.agentcore.mcp.fitness;

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
 * The official MCP conformance suite against the fitness server as it ships. Scenarios that call the suite's fixture
 * features by name run against mcp-conformance-fixture instead, on the same stack.
 */
@FitnessServerTest
class FitnessConformanceTest {

    static final Set<String> MUST_PASS = Set.of("server-initialize", "ping", "tools-list", "resources-list",
            "prompts-list");

    static final String NEEDS_FIXTURE = "calls a fixture tool/resource/prompt by name (test_*, test://...), which a "
            + "real server does not have; passes against mcp-conformance-fixture (same stack)";

    // completion-complete is left out for the fixture's prompt; this server's own completion is tested in
    // FitnessJavaClientTest.
    static final Map<String, String> LEFT_OUT = leftOut(callingFixtureFeatures(NEEDS_FIXTURE), needingASession(), Map.of(
            "dns-rebinding-protection", "the server must accept the Host header AgentCore forwards, so Host/Origin "
                    + "checks are off by default (mcp.server.allowed-hosts); the fixture turns them on and passes"));

    @LocalServerPort
    int port;

    @Test
    void everyScenarioThatAppliesToTheFitnessServerPasses() {
        new ConformanceSuite(NodeTools.installed())
                .runAll(URI.create("http://127.0.0.1:" + port + "/mcp"))
                .assertPassed(MUST_PASS, LEFT_OUT);
    }
}
