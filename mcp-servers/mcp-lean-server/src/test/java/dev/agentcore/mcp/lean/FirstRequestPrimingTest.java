package dev.agentcore.mcp.lean;

import static org.assertj.core.api.Assertions.assertThatCode;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpSchema.Implementation;
import io.modelcontextprotocol.spec.McpSchema.ServerCapabilities;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Priming reads and writes a real initialize exchange, and whatever happens to it, the first request goes on. */
class FirstRequestPrimingTest {

    private static final ServerCapabilities TOOLS = ServerCapabilities.builder().tools(false).build();

    @Test
    void anInitializeExchangeIsReadAndWrittenWithTheServersMapper() {
        List<String> versions = new LeanStatelessTransport("/mcp", LeanMcpServer.defaultJsonMapper(), null, 1024,
                null).protocolVersions();
        FirstRequestPriming.Settings settings = new FirstRequestPriming.Settings(LeanMcpServer.defaultJsonMapper(),
                versions.get(versions.size() - 1), TOOLS, new Implementation("echo", "0.1.0"));

        // Priming swallows its failures; called directly, a request the SDK's records cannot read would throw here.
        assertThatCode(() -> FirstRequestPriming.initializeExchange(settings)).doesNotThrowAnyException();
    }

    @Test
    @Timeout(value = 15, unit = TimeUnit.SECONDS)
    void aFailingPrimingStillLetsTheFirstRequestThrough() throws InterruptedException {
        FirstRequestPriming priming = FirstRequestPriming.start();
        priming.prime(new FirstRequestPriming.Settings(new FailingMapper(), "2025-06-18", TOOLS,
                new Implementation("echo", "0.1.0")));

        priming.awaitDone();
    }

    @Test
    @Timeout(value = 15, unit = TimeUnit.SECONDS)
    void primingWithoutAServerEnds() throws InterruptedException {
        FirstRequestPriming priming = FirstRequestPriming.start();
        priming.prime(null);

        priming.awaitDone();
    }

    /** A mapper that cannot read anything. */
    private static final class FailingMapper implements McpJsonMapper {
        @Override
        public <T> T readValue(String content, Class<T> type) {
            throw new IllegalStateException("cannot read");
        }

        @Override
        public <T> T readValue(byte[] content, Class<T> type) {
            throw new IllegalStateException("cannot read");
        }

        @Override
        public <T> T readValue(String content, TypeRef<T> type) {
            throw new IllegalStateException("cannot read");
        }

        @Override
        public <T> T readValue(byte[] content, TypeRef<T> type) {
            throw new IllegalStateException("cannot read");
        }

        @Override
        public <T> T convertValue(Object from, Class<T> type) {
            throw new IllegalStateException("cannot convert");
        }

        @Override
        public <T> T convertValue(Object from, TypeRef<T> type) {
            throw new IllegalStateException("cannot convert");
        }

        @Override
        public String writeValueAsString(Object value) {
            throw new IllegalStateException("cannot write");
        }

        @Override
        public byte[] writeValueAsBytes(Object value) {
            throw new IllegalStateException("cannot write");
        }
    }
}
