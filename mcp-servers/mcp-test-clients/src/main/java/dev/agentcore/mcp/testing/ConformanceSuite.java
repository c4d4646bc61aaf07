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
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The official MCP conformance suite ({@code @modelcontextprotocol/conformance}, pinned in package.json) run
 * against a server: every server scenario of the suite, in one process, each scenario's checks read back from
 * the {@code checks.json} the suite writes.
 */
public final class ConformanceSuite {

    /** Result directories are named {@code server-<scenario>-<ISO timestamp>}. */
    private static final Pattern RESULT_DIR = Pattern.compile("server-(.+)-\\d{4}-\\d{2}-\\d{2}T[\\d-]+Z");

    private final NodeTools tools;

    public ConformanceSuite(NodeTools tools) {
        this.tools = tools;
    }

    /** Runs every server scenario ({@code --suite all}) against the MCP endpoint at {@code url}. */
    public ConformanceReport runAll(URI url) {
        Path results = tempDir();
        Path cli = tools.packageDir(NodeTools.CONFORMANCE).resolve("dist/index.js");
        ProcessResult run = Processes.run(
                List.of(tools.node().toString(), cli.toString(), "server", "--url", url.toString(), "--suite", "all",
                        "-o", results.toString()),
                Map.of("NO_COLOR", "1"), tools.repoRoot(), Duration.ofMinutes(3));
        return new ConformanceReport(readChecks(results), run);
    }

    private static Map<String, List<ConformanceReport.Check>> readChecks(Path results) {
        JsonMapper json = JsonMapper.builder().build();
        Map<String, List<ConformanceReport.Check>> byScenario = new TreeMap<>();
        try (Stream<Path> dirs = Files.list(results)) {
            for (Path dir : dirs.toList()) {
                Matcher name = RESULT_DIR.matcher(dir.getFileName().toString());
                Path checksFile = dir.resolve("checks.json");
                if (!name.matches() || !Files.exists(checksFile)) {
                    continue;
                }
                List<ConformanceReport.Check> checks = new ArrayList<>();
                for (JsonNode check : json.readTree(checksFile.toFile())) {
                    checks.add(new ConformanceReport.Check(check.path("id").asString(), check.path("status").asString(),
                            check.path("errorMessage").asString("")));
                }
                byScenario.put(name.group(1), checks);
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot read conformance results in " + results, e);
        }
        return byScenario;
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("mcp-conformance-");
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
