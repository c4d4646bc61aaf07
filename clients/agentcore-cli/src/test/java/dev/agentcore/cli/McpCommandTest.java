package dev.agentcore.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentcore.client.Jwts;
import dev.agentcore.client.mcp.LoopbackMcpRuntime;
import dev.agentcore.core.arn.RuntimeArn;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** `agentcore-invoke mcp` against a real MCP server (MCP Java SDK) on loopback behind an AgentCore-like front door. */
class McpCommandTest {

    static final RuntimeArn ARN = RuntimeArn.parse("arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/mcp_echo-N0geaLEEPE");
    static LoopbackMcpRuntime runtime;
    static String token;
    static Cli cli;

    @BeforeAll
    static void start() throws Exception {
        runtime = new LoopbackMcpRuntime(ARN);
        token = Jwts.accessToken(Instant.now().plusSeconds(3600));
        runtime.acceptedToken = token;
        cli = new Cli(Map.of("AWS_ENDPOINT_URL_BEDROCK_AGENTCORE", runtime.baseUrl(), "AGENTCORE_BEARER_TOKEN", token),
                java.nio.file.Path.of("/"));
    }

    @AfterAll
    static void stop() throws Exception {
        runtime.close();
    }

    @Test
    void listsAndCallsToolsThroughTheInvokePath() {
        Cli.Result tools = cli.run("mcp", "tools", ARN.toString());
        assertThat(tools.exit()).as(tools.err()).isZero();
        assertThat(tools.out()).isEqualTo("echo  - Echoes the text back\n");

        Cli.Result call = cli.run("mcp", "call", ARN.toString(), "echo", "--arg", "text=hello", "-H", "Tenant=acme");
        assertThat(call.exit()).as(call.err()).isZero();
        assertThat(call.out()).isEqualTo("echo: hello\n");
        assertThat(runtime.lastHeaders).containsEntry("x-amzn-bedrock-agentcore-runtime-custom-tenant", "acme");

        Cli.Result raw = cli.run("mcp", "call", ARN.toString(), "echo", "--args", "{\"text\":\"json\"}", "--raw");
        assertThat(raw.out()).contains("\"text\" : \"echo: json\"");
    }

    @Test
    void aBusySessionIsRetriedAndSaidSo() {
        runtime.busyAnswers.set(1);
        Cli.Result tools = cli.run("mcp", "tools", ARN.toString());
        assertThat(tools.exit()).as(tools.err()).isZero();
        assertThat(tools.err()).contains("note: 409 RetryableConflictException").contains("(attempt 2 of 3)");
    }

    @Test
    void localContainerNeedsNoArn() {
        Cli.Result call = new Cli(Map.of(), java.nio.file.Path.of("/")).run("mcp", "call", "--local",
                runtime.baseUrl(), "echo", "--arg", "text=local");
        assertThat(call.exit()).as(call.err()).isZero();
        assertThat(call.out()).isEqualTo("echo: local\n");
    }

    @Test
    void rejectedIdTokenIsDiagnosedAndExitsThree() {
        Cli.Result result = new Cli(Map.of("AWS_ENDPOINT_URL_BEDROCK_AGENTCORE", runtime.baseUrl(),
                "AGENTCORE_BEARER_TOKEN", Jwts.idToken(Instant.now().plusSeconds(3600))), java.nio.file.Path.of("/"))
                .run("mcp", "tools", ARN.toString(), "--no-lookup");
        assertThat(result.exit()).isEqualTo(ExitCode.AUTH);
        assertThat(result.err()).contains("401 UnauthorizedException").contains("ID token").contains("access token");
    }

    @Test
    void unknownToolIsAServerErrorWithANextStep() {
        Cli.Result result = cli.run("mcp", "call", ARN.toString(), "nope");
        assertThat(result.exit()).isEqualTo(ExitCode.FAILED);
        assertThat(result.err()).contains("the MCP server answered with an error").contains("Unknown tool")
                .contains("agentcore-invoke mcp tools " + ARN);
    }
}
