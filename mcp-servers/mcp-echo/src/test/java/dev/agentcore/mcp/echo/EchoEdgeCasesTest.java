package dev.agentcore.mcp.echo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Arrays;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.agentcore.mcp.testing.RawMcpHttp;
import dev.agentcore.mcp.testing.RawMcpHttp.Reply;

/**
 * What the echo server answers to requests no well-behaved client sends, each as the MCP specification (streamable
 * HTTP transport, JSON-RPC 2.0) says; after each one the server must still answer a tool call.
 */
@EchoServerTest
class EchoEdgeCasesTest {

    private static final String CALL_ECHO = """
            {"jsonrpc":"2.0","id":7,"method":"tools/call","params":{"name":"echo","arguments":{"message":"still here"}}}""";

    @LocalServerPort
    int port;

    RawMcpHttp mcp;

    @BeforeEach
    void connect() {
        mcp = new RawMcpHttp(URI.create("http://127.0.0.1:" + port + "/mcp"));
    }

    @AfterEach
    void serverStaysHealthy() {
        Reply reply = mcp.post(CALL_ECHO);
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().at("/result/structuredContent/message").asString()).isEqualTo("still here");
    }

    @Test
    void anUnknownToolIsAJsonRpcInvalidParamsError() {
        Reply reply = mcp.post("""
                {"jsonrpc":"2.0","id":"a-1","method":"tools/call","params":{"name":"shout","arguments":{"message":"x"}}}""");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().path("id").asString()).isEqualTo("a-1");
        assertThat(reply.json().at("/error/code").asInt()).isEqualTo(-32602);
        assertThat(reply.json().at("/error/data").asString()).contains("shout");
    }

    @Test
    void argumentsOfTheWrongTypeAreAToolErrorTheModelCanCorrect() {
        Reply reply = mcp.post("""
                {"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"echo","arguments":{"message":42}}}""");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().at("/result/isError").asBoolean()).isTrue();
        assertThat(reply.json().at("/result/content/0/text").asString()).contains("/message", "string expected");
    }

    @Test
    void aMissingOrUnknownArgumentIsAToolError() {
        Reply missing = mcp.post("""
                {"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"echo","arguments":{}}}""");
        Reply unknown = mcp.post("""
                {"jsonrpc":"2.0","id":4,"method":"tools/call","params":{"name":"echo","arguments":{"message":"x","volume":11}}}""");

        assertThat(missing.json().at("/result/isError").asBoolean()).isTrue();
        assertThat(missing.json().at("/result/content/0/text").asString()).contains("message");
        assertThat(unknown.json().at("/result/isError").asBoolean()).isTrue();
        assertThat(unknown.json().at("/result/content/0/text").asString()).contains("volume");
    }

    @Test
    void malformedJsonIsAParseErrorWithANullId() {
        Reply reply = mcp.post("{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"tools/li");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().has("id")).isTrue();
        assertThat(reply.json().get("id").isNull()).isTrue();
        assertThat(reply.json().at("/error/code").asInt()).isEqualTo(-32700);
        assertThat(reply.body()).doesNotContain("stackTrace", "Exception");
    }

    @Test
    void aBatchIsAnInvalidRequestSinceMcp20250618() {
        Reply reply = mcp.post("""
                [{"jsonrpc":"2.0","id":1,"method":"ping"},{"jsonrpc":"2.0","id":2,"method":"tools/list"}]""");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().at("/error/code").asInt()).isEqualTo(-32600);
        assertThat(reply.json().at("/error/message").asString()).contains("batch");
    }

    @Test
    void jsonThatIsNotJsonRpcIsAnInvalidRequestThatKeepsItsId() {
        Reply noVersion = mcp.post("{\"id\":9,\"method\":\"ping\"}");
        Reply noMethod = mcp.post("{\"jsonrpc\":\"2.0\",\"id\":10}");
        Reply nullId = mcp.post("{\"jsonrpc\":\"2.0\",\"id\":null,\"method\":\"ping\"}");

        assertThat(noVersion.status()).isEqualTo(400);
        assertThat(noVersion.json().path("id").asInt()).isEqualTo(9);
        assertThat(noVersion.json().at("/error/code").asInt()).isEqualTo(-32600);
        assertThat(noMethod.json().at("/error/code").asInt()).isEqualTo(-32600);
        assertThat(nullId.json().at("/error/code").asInt()).isEqualTo(-32600);
    }

    @Test
    void anUnknownMethodIsMethodNotFound() {
        Reply reply = mcp.post("{\"jsonrpc\":\"2.0\",\"id\":11,\"method\":\"tools/dance\"}");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().at("/error/code").asInt()).isEqualTo(-32601);
    }

    @Test
    void aNotificationIsAcceptedWithoutABody() {
        Reply reply = mcp.post("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");

        assertThat(reply.status()).isEqualTo(202);
        assertThat(reply.body()).isEmpty();
    }

    @Test
    void getAndDeleteOnAStatelessServerAre405AllowingPost() {
        Reply get = mcp.send(mcp.request(mcp.endpoint()).header("Accept", "text/event-stream").GET());
        Reply delete = mcp.send(mcp.request(mcp.endpoint()).header("Mcp-Session-Id", "platform-1").DELETE());

        for (Reply reply : new Reply[] {get, delete}) {
            assertThat(reply.status()).isEqualTo(405);
            assertThat(reply.headers().firstValue("Allow")).hasValue("POST");
            assertThat(reply.json().at("/error/code").asInt()).isEqualTo(-32000);
        }
    }

    @Test
    void aWrongPathIs404AsJsonNotAContainerErrorPage() {
        Reply reply = mcp.send(mcp.request(URI.create("http://127.0.0.1:" + port + "/invocations"))
                .header("Content-Type", "application/json").header("Accept", RawMcpHttp.ACCEPT)
                .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}")));

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.json().at("/error/message").asString()).contains("POST /mcp");
        assertThat(reply.body()).doesNotContain("Tomcat", "<html");
    }

    @Test
    void aBodyOverTheLimitIs413WhetherDeclaredOrChunked() {
        byte[] oversized = new byte[16 * 1024 * 1024 + 1];
        Arrays.fill(oversized, (byte) ' ');

        Reply declared = mcp.send(json(mcp.request(mcp.endpoint())).POST(HttpRequest.BodyPublishers.ofByteArray(oversized)));
        Reply chunked = mcp.send(json(mcp.request(mcp.endpoint())).POST(
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(oversized))));

        for (Reply reply : new Reply[] {declared, chunked}) {
            assertThat(reply.status()).isEqualTo(413);
            assertThat(reply.json().at("/error/message").asString()).contains("16777216 bytes");
        }
    }

    @Test
    void aClientMustAcceptJsonAndEventStreams() {
        Reply reply = mcp.send(mcp.request(mcp.endpoint()).header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}")));

        assertThat(reply.status()).isEqualTo(406);
        assertThat(reply.json().at("/error/code").asInt()).isEqualTo(-32000);
    }

    @Test
    void aBodyThatIsNotJsonByContentTypeIs415AsJsonRpc() {
        Reply reply = mcp.send(mcp.request(mcp.endpoint()).header("Content-Type", "text/plain")
                .header("Accept", RawMcpHttp.ACCEPT)
                .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}")));

        assertThat(reply.status()).isEqualTo(415);
        assertThat(reply.json().path("jsonrpc").asString()).isEqualTo("2.0");
        assertThat(reply.body()).doesNotContain("stackTrace");
    }

    @Test
    void anUnsupportedProtocolVersionHeaderIs400() {
        Reply reply = mcp.send(json(mcp.request(mcp.endpoint())).header("MCP-Protocol-Version", "2023-01-01")
                .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}")));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().at("/error/message").asString()).contains("2025-11-25");
    }

    @Test
    void clientsThatHangUpMidRequestLeaveTheServerHealthy() {
        for (int i = 0; i < 50; i++) {
            mcp.postAndHangUp(CALL_ECHO, CALL_ECHO.length() + 100, CALL_ECHO.length() / 2); // half a body
            mcp.postAndHangUp(CALL_ECHO, CALL_ECHO.length(), CALL_ECHO.length()); // whole request, answer unread
        }
        // serverStaysHealthy() then checks that the next client is served
    }

    private static HttpRequest.Builder json(HttpRequest.Builder request) {
        return request.header("Content-Type", "application/json").header("Accept", RawMcpHttp.ACCEPT);
    }
}
