package dev.agentcore.mcp.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The MCP Inspector's command line ({@code @modelcontextprotocol/inspector}, pinned in package.json) over streamable
 * HTTP. It keeps a catalog in {@code ~/.mcp-inspector}, so every run gets a throw-away HOME.
 */
public final class InspectorCli {

    private final NodeTools tools;
    private final JsonMapper json = JsonMapper.builder().build();

    public InspectorCli(NodeTools tools) {
        this.tools = tools;
    }

    /** The Inspector's answer: its exit code (0 success, 5 for a tool it cannot find) and its JSON result or error. */
    public record Answer(int exitCode, JsonNode output, ProcessResult run) {
    }

    public Answer listTools(URI url, Map<String, String> headers) {
        return run(url, headers, List.of("--method", "tools/list"));
    }

    /** Calls a tool; {@code arguments} become {@code --tool-arg key=value}, typed by the Inspector from the tool's schema. */
    public Answer callTool(URI url, Map<String, String> headers, String tool, Map<String, String> arguments) {
        List<String> options = new ArrayList<>(List.of("--method", "tools/call", "--tool-name", tool));
        arguments.forEach((key, value) -> options.addAll(List.of("--tool-arg", key + "=" + value)));
        return run(url, headers, options);
    }

    private Answer run(URI url, Map<String, String> headers, List<String> options) {
        Path launcher = tools.packageDir(NodeTools.INSPECTOR).resolve("clients/launcher/build/index.js");
        List<String> command = new ArrayList<>(List.of(tools.node().toString(), launcher.toString(), "--cli",
                url.toString(), "--transport", "http"));
        headers.forEach((name, value) -> command.addAll(List.of("--header", name + ": " + value)));
        command.addAll(options);
        ProcessResult run = Processes.run(command, Map.of("HOME", throwAwayHome().toString(), "NO_COLOR", "1"),
                tools.repoRoot(), Duration.ofMinutes(1));
        // The result goes to stdout; an error ({"error": {"code": "tool_not_found", ...}}) to stderr.
        String output = (run.exitCode() == 0 ? run.stdout() : run.stderr()).strip();
        if (!output.startsWith("{")) {
            throw new AssertionError("MCP Inspector printed no JSON\n" + run.describe());
        }
        return new Answer(run.exitCode(), json.readTree(output), run);
    }

    private static Path throwAwayHome() {
        try {
            return Files.createTempDirectory("mcp-inspector-home-");
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
