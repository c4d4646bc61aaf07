package dev.agentcore.mcp.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class McpServerPropertiesTest {

    @Test
    void theEndpointMustBeAnAbsolutePath() {
        assertThatIllegalArgumentException().isThrownBy(() -> properties("mcp", DataSize.ofMegabytes(1)))
                .withMessage("mcp.server.endpoint must start with '/', got 'mcp'");
    }

    @Test
    void theBodyLimitMustFitAnInt() {
        assertThatIllegalArgumentException().isThrownBy(() -> properties("/mcp", DataSize.ofGigabytes(3)))
                .withMessageStartingWith("mcp.server.max-request-size must be between 1B and 2GB");
    }

    @Test
    void hostChecksAreOnOnlyWhenAListIsSet() {
        assertThat(properties("/mcp", DataSize.ofMegabytes(1)).validatesHostAndOrigin()).isFalse();
        assertThat(new McpServerProperties("n", "1", null, "/mcp", DataSize.ofMegabytes(1), Duration.ofSeconds(1), Duration.ofSeconds(1),
                List.of("localhost:*"), List.of()).validatesHostAndOrigin()).isTrue();
    }

    private static McpServerProperties properties(String endpoint, DataSize max) {
        return new McpServerProperties("n", "1", null, endpoint, max, Duration.ofSeconds(1), Duration.ofSeconds(1), List.of(), List.of());
    }
}
