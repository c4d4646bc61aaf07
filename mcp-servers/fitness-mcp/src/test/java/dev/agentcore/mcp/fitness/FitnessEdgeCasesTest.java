package dev.agentcore.mcp.fitness;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.agentcore.mcp.testing.RawMcpHttp;

/** What the fitness server answers to requests no MCP client sends, over raw HTTP. */
@FitnessServerTest
class FitnessEdgeCasesTest {

    @LocalServerPort
    int port;

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"jsonrpc\":\"2.0\",\"id\":\"e-1\",\"method\":\"resources/read\"}",
            "{\"jsonrpc\":\"2.0\",\"id\":\"e-1\",\"method\":\"prompts/get\"}",
            "{\"jsonrpc\":\"2.0\",\"id\":\"e-1\",\"method\":\"prompts/get\",\"params\":{\"name\":\"training_plan\",\"arguments\":[\"5k\"]}}",
            "{\"jsonrpc\":\"2.0\",\"id\":\"e-1\",\"method\":\"completion/complete\",\"params\":{\"ref\":{\"type\":\"ref/prompt\",\"name\":\"training_plan\"}}}",
            "{\"jsonrpc\":\"2.0\",\"id\":\"e-1\",\"method\":\"completion/complete\",\"params\":{\"ref\":{\"type\":\"ref/nothing\"},\"argument\":{\"name\":\"goalRace\",\"value\":\"m\"}}}"})
    void paramsThatDoNotDecodeAreInvalidParamsAnsweringTheRequestId(String request) {
        RawMcpHttp.Reply reply = new RawMcpHttp(URI.create("http://127.0.0.1:" + port + "/mcp")).post(request);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().path("id").asString()).isEqualTo("e-1");
        assertThat(reply.json().at("/error/code").asInt()).isEqualTo(-32602);
        assertThat(reply.body()).doesNotContain("Cannot invoke");
    }
}
