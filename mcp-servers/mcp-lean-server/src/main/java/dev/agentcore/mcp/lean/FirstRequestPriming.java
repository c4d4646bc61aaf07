package dev.agentcore.mcp.lean;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema.Implementation;
import io.modelcontextprotocol.spec.McpSchema.InitializeRequest;
import io.modelcontextprotocol.spec.McpSchema.InitializeResult;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCRequest;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCResponse;
import io.modelcontextprotocol.spec.McpSchema.ServerCapabilities;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.slf4j.LoggerFactory;

/**
 * What the first {@code initialize} would otherwise do itself, done on a thread of its own from the moment the server
 * is built, while the server is made and binds and the client connects. The first request then waits for it to end
 * instead of doing the same work beside it. A client sees nothing of it: an initialize exchange is read and written
 * in memory, no handler runs, nothing is logged, and a failure here only leaves the work to the first request.
 *
 * <ul>
 * <li>SLF4J's start, which the SDK's classes need: slf4j-simple looks for its properties on the class path, and that
 * first lookup opens every jar on it;
 * <li>BigDecimal's static tables, which Jackson's parser needs and which JDK 25 computes in the interpreter;
 * <li>the JSON (de)serialisers of an initialize request and its answer, made by introspecting the SDK's records;
 * <li>the {@code toString} of the request's records, which the SDK logs (a record's first one spins bytecode).
 * </ul>
 */
final class FirstRequestPriming {

    /** What the initialize exchange to prime depends on, known once the server is built. */
    record Settings(McpJsonMapper json, String protocolVersion, ServerCapabilities capabilities,
            Implementation serverInfo) {
    }

    private final CompletableFuture<Settings> settings = new CompletableFuture<>();
    private final CountDownLatch done = new CountDownLatch(1);

    private FirstRequestPriming() {
    }

    /** Starts priming on a daemon thread; what needs the server's settings waits for {@link #prime}. */
    static FirstRequestPriming start() {
        FirstRequestPriming priming = new FirstRequestPriming();
        Thread.ofPlatform().name("mcp-priming").daemon().start(priming::run);
        return priming;
    }

    /** Hands over the server's settings; {@code null} when there is no server to prime for. */
    void prime(Settings server) {
        settings.complete(server);
    }

    /** Waits until priming has ended (at once if it has). */
    void awaitDone() throws InterruptedException {
        done.await();
    }

    private void run() {
        try {
            LoggerFactory.getILoggerFactory();
            BigDecimal.ONE.hashCode();
            Settings server = settings.join();
            if (server != null) {
                initializeExchange(server);
            }
        } catch (IOException | RuntimeException e) {
            LeanMcpServer.log().log(System.Logger.Level.DEBUG, "priming stopped: " + e.getMessage());
        } finally {
            done.countDown();
        }
    }

    static void initializeExchange(Settings settings) throws IOException {
        McpJsonMapper json = settings.json();
        byte[] request = ("{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\""
                + settings.protocolVersion() + "\",\"capabilities\":{\"roots\":{\"listChanged\":true},"
                + "\"sampling\":{},\"elicitation\":{}},\"clientInfo\":{\"name\":\"priming\",\"version\":\"0\"}}}")
                .getBytes(StandardCharsets.UTF_8);
        JSONRPCRequest message = json.convertValue(json.readValue(request, Object.class), JSONRPCRequest.class);
        InitializeRequest initialize = json.convertValue(message.params(), InitializeRequest.class);
        // The SDK logs each initialize at INFO with these records; a record's first toString links its call site.
        String.valueOf(initialize.capabilities()).concat(String.valueOf(initialize.clientInfo()));
        json.writeValueAsBytes(new JSONRPCResponse("2.0", message.id(), new InitializeResult(
                settings.protocolVersion(), settings.capabilities(), settings.serverInfo(), null), null));
    }
}
