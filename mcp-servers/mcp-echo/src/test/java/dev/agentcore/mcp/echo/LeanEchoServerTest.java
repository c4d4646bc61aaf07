package dev.agentcore.mcp.echo;

import static dev.agentcore.mcp.testing.ConformanceScenarios.callingFixtureFeatures;
import static dev.agentcore.mcp.testing.ConformanceScenarios.leftOut;
import static dev.agentcore.mcp.testing.ConformanceScenarios.needingASession;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agentcore.mcp.lean.LeanMcpServer;
import dev.agentcore.mcp.testing.ConformanceSuite;
import dev.agentcore.mcp.testing.NodeTools;
import dev.agentcore.mcp.testing.TypeScriptSdkClient;
import dev.agentcore.mcp.testing.TypeScriptSdkClient.Call;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The lean echo server (no Spring) against the official MCP conformance suite and the TypeScript SDK client, with the
 * same expectations as the Spring one, plus DNS-rebinding protection, which the lean server has on by default on
 * loopback.
 */
class LeanEchoServerTest {

    static final Map<String, String> LEFT_OUT = leftOut(callingFixtureFeatures(EchoConformanceTest.NEEDS_FIXTURE),
            needingASession(), Map.of(
                    "resources-list", EchoConformanceTest.NEEDS_FIXTURE + "; echo serves no resources",
                    "prompts-list", EchoConformanceTest.NEEDS_FIXTURE + "; echo serves no prompts"));

    private static LeanMcpServer server;

    @BeforeAll
    static void start() throws Exception {
        // Loopback, as outside a container (this test may itself run in one, where the default is all interfaces).
        server = LeanEchoServer.server().host(java.net.InetAddress.getLoopbackAddress()).port(0).build().start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static URI url() {
        return URI.create("http://127.0.0.1:" + server.port() + "/mcp");
    }

    @Test
    void everyScenarioThatAppliesToTheEchoServerPassesDnsRebindingProtectionIncluded() {
        new ConformanceSuite(NodeTools.installed())
                .runAll(url())
                .assertPassed(java.util.Set.of("server-initialize", "ping", "tools-list", "dns-rebinding-protection"),
                        LEFT_OUT);
    }

    @Test
    void theTypeScriptSdkClientListsAndCallsEcho() {
        JsonNode out = new TypeScriptSdkClient(NodeTools.installed()).listAndCall(url(),
                List.of(new Call("echo", Map.of("message", "from TypeScript")), new Call("shout", Map.of())),
                Map.of("Mcp-Session-Id", "platform-session-42"));

        assertThat(out.at("/server/name").asString()).isEqualTo("echo");
        assertThat(out.at("/tools/0/inputSchema/required/0").asString()).isEqualTo("message");
        assertThat(out.at("/results/0/result/structuredContent/message").asString()).isEqualTo("from TypeScript");
        assertThat(out.at("/results/1/error/code").asInt()).isEqualTo(-32602);
    }
}
