package dev.agentcore.mcp.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.modelcontextprotocol.json.McpJsonDefaults;

class JsonRpcEnvelopeTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "{", "{\"jsonrpc\":\"2.0\",}", "not json", "{\"a\":1} {\"b\":2}"})
    void textThatIsNotJsonIsAParseError(String body) {
        assertThat(check(body)).isEqualTo(new JsonRpcEnvelope.Refusal(-32700,
                "Parse error: the request body is not valid JSON", null));
    }

    @Test
    void aBatchIsRefusedAsAnInvalidRequest() {
        JsonRpcEnvelope.Refusal refusal = check("[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}]");

        assertThat(refusal.code()).isEqualTo(-32600);
        assertThat(refusal.message()).contains("batches are not supported");
        assertThat(check("[]").code()).isEqualTo(-32600);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "42                                                    | a JSON-RPC message is a JSON object | ",
            "{\"id\":3,\"method\":\"ping\"}                          | \"jsonrpc\" must be \"2.0\"           | 3",
            "{\"jsonrpc\":\"1.0\",\"id\":\"x\",\"method\":\"ping\"}  | \"jsonrpc\" must be \"2.0\"           | x",
            "{\"jsonrpc\":\"2.0\",\"id\":null,\"method\":\"ping\"}   | \"id\" must be a string or a number  | ",
            "{\"jsonrpc\":\"2.0\",\"id\":[1],\"method\":\"ping\"}    | \"id\" must be a string or a number  | ",
            "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":7}             | \"method\" must be a string          | 4",
            "{\"jsonrpc\":\"2.0\",\"id\":5}                          | has a \"method\"                     | 5",
            "{\"jsonrpc\":\"2.0\",\"id\":6,\"method\":\"x\",\"params\":[1]} | \"params\" must be an object  | 6"})
    void jsonThatIsNotOneJsonRpcMessageIsAnInvalidRequest(String body, String reason, String id) {
        JsonRpcEnvelope.Refusal refusal = check(body);

        assertThat(refusal.code()).isEqualTo(-32600);
        assertThat(refusal.message()).contains(reason);
        assertThat(refusal.id() == null ? null : refusal.id().toString()).isEqualTo(id);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}",
            "{\"jsonrpc\":\"2.0\",\"id\":\"abc\",\"method\":\"tools/call\",\"params\":{\"name\":\"echo\"}}",
            "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}",
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{}}"})
    void oneJsonRpcMessagePasses(String body) {
        assertThat(check(body)).isNull();
    }

    private static JsonRpcEnvelope.Refusal check(String body) {
        return JsonRpcEnvelope.check(McpJsonDefaults.getMapper(), body.getBytes(StandardCharsets.UTF_8));
    }
}
