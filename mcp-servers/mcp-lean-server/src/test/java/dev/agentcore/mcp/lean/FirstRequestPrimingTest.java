package dev.agentcore.mcp.lean;

import static org.assertj.core.api.Assertions.assertThatCode;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema.Implementation;
import io.modelcontextprotocol.spec.McpSchema.ServerCapabilities;
import io.modelcontextprotocol.spec.ProtocolVersions;
import java.lang.reflect.Proxy;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Priming reads and writes a real initialize exchange, and whatever happens to it, the first request goes on. */
class FirstRequestPrimingTest {

    private static final ServerCapabilities TOOLS = ServerCapabilities.builder().tools(false).build();

    @Test
    void anInitializeExchangeIsReadAndWrittenWithTheServersMapper() {
        FirstRequestPriming.Settings settings = new FirstRequestPriming.Settings(LeanMcpServer.defaultJsonMapper(),
                ProtocolVersions.MCP_2025_11_25, TOOLS, new Implementation("echo", "0.1.0"));

        // Priming swallows its failures; called directly, a request the SDK's records cannot read would throw here.
        assertThatCode(() -> FirstRequestPriming.initializeExchange(settings)).doesNotThrowAnyException();
    }

    @Test
    @Timeout(value = 15, unit = TimeUnit.SECONDS)
    void aFailingPrimingStillLetsTheFirstRequestThrough() throws InterruptedException {
        FirstRequestPriming priming = FirstRequestPriming.start();
        priming.prime(new FirstRequestPriming.Settings(failingMapper(), ProtocolVersions.MCP_2025_06_18, TOOLS,
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

    /** A mapper whose every call fails. */
    private static McpJsonMapper failingMapper() {
        return (McpJsonMapper) Proxy.newProxyInstance(McpJsonMapper.class.getClassLoader(),
                new Class<?>[] {McpJsonMapper.class}, (proxy, method, arguments) -> {
                    throw new IllegalStateException("cannot " + method.getName());
                });
    }
}
