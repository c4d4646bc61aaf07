package dev.agentcore.mcp.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The official TypeScript SDK client ({@code @modelcontextprotocol/sdk}, pinned in package.json) run by the pinned
 * Node: it connects over streamable HTTP, lists the tools and makes the given calls ({@code ts-sdk-client.mjs}).
 */
public final class TypeScriptSdkClient {

    private static final String SCRIPT = "ts-sdk-client.mjs";

    private final NodeTools tools;
    private final JsonMapper json = JsonMapper.builder().build();

    public TypeScriptSdkClient(NodeTools tools) {
        this.tools = tools;
    }

    /** One {@code tools/call}: a tool name and its arguments. */
    public record Call(String name, Map<String, Object> arguments) {
    }

    /**
     * Lists the tools and makes the calls in order, sending {@code headers} with every request. Returns the script's
     * JSON: {@code {"server": {...}, "tools": [...], "results": [{"name", "result"} or {"name", "error"}]}}.
     */
    public JsonNode listAndCall(URI url, List<Call> calls, Map<String, String> headers) {
        // Evaluated with the repository root as working directory, so the SDK resolves from its node_modules.
        ProcessResult run = Processes.run(
                List.of(tools.node().toString(), "--input-type=module", "--eval", script()),
                Map.of("MCP_URL", url.toString(), "MCP_CALLS", json.writeValueAsString(calls),
                        "MCP_HEADERS", json.writeValueAsString(headers)),
                tools.repoRoot(), Duration.ofMinutes(1));
        if (run.exitCode() != 0) {
            throw new AssertionError("TypeScript SDK client failed\n" + run.describe());
        }
        return json.readTree(run.stdout());
    }

    private static String script() {
        try (InputStream in = TypeScriptSdkClient.class.getResourceAsStream(SCRIPT)) {
            if (in == null) {
                throw new IllegalStateException(SCRIPT + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
