package dev.agentcore.mcp.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.agentcore.mcp.server.TestMcpServerApplication;
import dev.agentcore.mcp.testing.RawMcpHttp;

/** The auto-configured server with its defaults: capabilities from the beans, and clients that hang up mid-call. */
@SpringBootTest(classes = TestMcpServerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "server.address=127.0.0.1")
@ExtendWith(OutputCaptureExtension.class)
class StatelessServerTest {

    private static final String CALL_SLOW = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"slow\",\"arguments\":{}}}";

    @LocalServerPort
    int port;

    @Autowired
    TestMcpServerApplication application;

    RawMcpHttp mcp;

    @BeforeEach
    void connect() {
        mcp = new RawMcpHttp(URI.create("http://127.0.0.1:" + port + "/mcp"));
    }

    @Test
    void capabilitiesFollowTheFeaturesThereAreBeansFor() {
        RawMcpHttp.Reply reply = mcp.post("""
                {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},
                 "clientInfo":{"name":"test","version":"1"}}}""");

        assertThat(reply.json().at("/result/capabilities/tools").isObject()).isTrue();
        assertThat(reply.json().at("/result/capabilities").has("resources")).isFalse();
        assertThat(reply.json().at("/result/capabilities").has("prompts")).isFalse();
        assertThat(reply.json().at("/result/capabilities").has("logging")).isFalse();
        assertThat(reply.json().at("/result/serverInfo/name").asString()).isEqualTo("mcp-server");
    }

    @Test
    void paramsTheSdkCannotDecodeAreInvalidParamsThatKeepTheRequestId() {
        RawMcpHttp.Reply noParams = mcp.post("{\"jsonrpc\":\"2.0\",\"id\":\"no-params\",\"method\":\"tools/call\"}");
        RawMcpHttp.Reply arrayArguments = mcp.post("""
                {"jsonrpc":"2.0","id":12,"method":"tools/call","params":{"name":"upper","arguments":["a"]}}""");

        for (RawMcpHttp.Reply reply : new RawMcpHttp.Reply[] {noParams, arrayArguments}) {
            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.json().at("/error/code").asInt()).isEqualTo(-32602);
            assertThat(reply.json().at("/error/message").asString()).contains("tools/call");
        }
        assertThat(noParams.json().path("id").asString()).isEqualTo("no-params");
        assertThat(arrayArguments.json().path("id").isNumber()).isTrue();
        assertThat(arrayArguments.json().path("id").asInt()).isEqualTo(12);
    }

    @Test
    void aClientThatHangsUpDuringAToolCallLeavesTheServerHealthyAndQuiet(CapturedOutput output) throws Exception {
        int before = application.slowCallsCompleted();
        for (int i = 0; i < 5; i++) {
            mcp.postAndHangUp(CALL_SLOW, CALL_SLOW.length(), CALL_SLOW.length());
        }

        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (application.slowCallsCompleted() < before + 5 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }

        assertThat(application.slowCallsCompleted()).isEqualTo(before + 5);
        RawMcpHttp.Reply next = mcp.post(CALL_SLOW);
        assertThat(next.status()).isEqualTo(200);
        assertThat(next.json().at("/result/structuredContent/completed").asInt()).isEqualTo(before + 6);
        assertThat(output.getOut() + output.getErr()).doesNotContain("Exception", "ERROR");
    }
}
