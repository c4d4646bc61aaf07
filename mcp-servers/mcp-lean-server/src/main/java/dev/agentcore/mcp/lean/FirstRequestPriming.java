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

/**
 * What the first {@code initialize} would otherwise do itself, done on a thread of its own while the server is made
 * and binds, so that on a machine with a second core the first request finds it done. A client sees nothing of it:
 * an initialize exchange is read and written in memory, no handler runs, nothing is logged, and a failure here only
 * leaves the work to the first request.
 *
 * <ul>
 * <li>the class path: the first resource lookup opens every jar on it, and the JDK's logger lookup makes one;
 * <li>BigDecimal's static tables, which Jackson's parser needs and which JDK 25 computes in the interpreter;
 * <li>the JSON (de)serialisers of an initialize request and its answer, made by introspecting the SDK's records;
 * <li>the {@code toString} of the request's records, which the SDK logs (a record's first one spins bytecode).
 * </ul>
 */
final class FirstRequestPriming {

    private FirstRequestPriming() {
    }

    /** Starts priming on a daemon thread; returns at once. */
    static Thread start(McpJsonMapper json, String protocolVersion, ServerCapabilities capabilities,
            Implementation serverInfo) {
        Thread thread = Thread.ofPlatform().name("mcp-priming").daemon().unstarted(() -> {
            try {
                prime(json, protocolVersion, capabilities, serverInfo);
            } catch (IOException | RuntimeException e) {
                LeanMcpServer.log().log(System.Logger.Level.DEBUG, "priming stopped: " + e.getMessage());
            }
        });
        thread.start();
        return thread;
    }

    static void prime(McpJsonMapper json, String protocolVersion, ServerCapabilities capabilities,
            Implementation serverInfo) throws IOException {
        LeanMcpServer.log();
        BigDecimal.ONE.hashCode();
        byte[] request = ("{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\""
                + protocolVersion + "\",\"capabilities\":{\"roots\":{\"listChanged\":true},\"sampling\":{},"
                + "\"elicitation\":{}},\"clientInfo\":{\"name\":\"priming\",\"version\":\"0\"}}}")
                .getBytes(StandardCharsets.UTF_8);
        JSONRPCRequest message = json.convertValue(json.readValue(request, Object.class), JSONRPCRequest.class);
        InitializeRequest initialize = json.convertValue(message.params(), InitializeRequest.class);
        // The SDK logs each initialize at INFO with these records; a record's first toString links its call site.
        String.valueOf(initialize.capabilities()).concat(String.valueOf(initialize.clientInfo()));
        json.writeValueAsBytes(new JSONRPCResponse("2.0", message.id(),
                new InitializeResult(protocolVersion, capabilities, serverInfo, null), null));
    }
}
