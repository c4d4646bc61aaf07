package dev.agentcore.mcp.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.agentcore.mcp.server.TestMcpServerApplication;
import dev.agentcore.mcp.testing.RawMcpHttp;
import dev.agentcore.mcp.testing.RawMcpHttp.RawReply;

/** The server as a developer would run it on a laptop: its own path, a small body limit, DNS-rebinding protection. */
@SpringBootTest(classes = TestMcpServerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"server.address=127.0.0.1", "mcp.server.endpoint=/tools/mcp", "mcp.server.max-request-size=1KB",
                "mcp.server.name=laptop", "mcp.server.allowed-hosts=localhost:*,127.0.0.1:*",
                "mcp.server.allowed-origins=http://localhost:*"})
class ConfiguredServerTest {

    private static final String UPPER = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"upper\",\"arguments\":{\"text\":\"abc\"}}}";

    @LocalServerPort
    int port;

    @Test
    void theEndpointMovesAndTheOldPathIsGone() {
        RawMcpHttp moved = new RawMcpHttp(URI.create("http://127.0.0.1:" + port + "/tools/mcp"));
        RawMcpHttp old = new RawMcpHttp(URI.create("http://127.0.0.1:" + port + "/mcp"));

        assertThat(moved.post(UPPER).json().at("/result/structuredContent/text").asString()).isEqualTo("ABC");
        assertThat(old.post(UPPER).status()).isEqualTo(404);
        assertThat(old.post(UPPER).json().at("/error/message").asString()).contains("POST /tools/mcp");
    }

    @Test
    void theBodyLimitIsConfigurable() {
        RawMcpHttp mcp = new RawMcpHttp(URI.create("http://127.0.0.1:" + port + "/tools/mcp"));
        String big = UPPER.replace("abc", "a".repeat(1100));

        assertThat(mcp.post(big).status()).isEqualTo(413);
        assertThat(mcp.post(big).json().at("/error/message").asString()).contains("1024 bytes");
    }

    @Test
    void foreignHostsAndOriginsAreRefusedAsJsonLocalOnesServed() {
        RawMcpHttp mcp = new RawMcpHttp(URI.create("http://127.0.0.1:" + port + "/tools/mcp"));

        RawReply foreignHost = mcp.postWithHeaders(UPPER, "Host: evil.example.com");
        RawReply foreignOrigin = mcp.postWithHeaders(UPPER, "Origin: http://evil.example.com");
        RawReply local = mcp.postWithHeaders(UPPER, "Host: localhost:" + port, "Origin: http://localhost:" + port);

        assertThat(foreignHost.status()).isEqualTo(421);
        assertThat(foreignHost.body()).contains("\"jsonrpc\":\"2.0\"", "Invalid Host header").doesNotContain("<html");
        assertThat(foreignOrigin.status()).isEqualTo(403);
        assertThat(foreignOrigin.body()).contains("Invalid Origin header");
        assertThat(local.status()).isEqualTo(200);
        assertThat(local.body()).contains("ABC");
    }
}
