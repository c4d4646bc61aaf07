package dev.agentcore.policylint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import dev.agentcore.testing.RepositoryFiles;

/** The shipped launcher script runs the shipped jar: exit codes, output, and its start-up cache. */
class LauncherIT {

    @TempDir
    Path dir;

    @Test
    void lintsWithTheRunnableJarAndKeepsAStartUpCache() throws Exception {
        Path jar = dir.resolve("dist/policy-lint.jar");
        Files.createDirectories(jar.getParent());
        Files.copy(Launch.jar(), jar);
        Map<String, String> env = Map.of("POLICY_LINT_JAR", jar.toString());
        Launch first = Launch.run(dir, env, Launch.launcher().toString(), "--runtimes",
                Cli.fixture("runtimes/seed-get-agent-runtime.json"), Cli.fixture("rules/seed-infrastructure.yaml"));
        assertThat(first.code()).as(first.output()).isEqualTo(1);
        assertThat(first.output()).contains(":61:140: error PL100").contains("    also PL110: ")
                .doesNotContain("AOT").doesNotContain("warning][cds");
        try (var files = Files.list(jar.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .anyMatch(n -> n.startsWith("policy-lint-jdk") && (n.endsWith(".aot") || n.endsWith(".jsa")));
        }
        Launch clean = Launch.run(dir, env, Launch.launcher().toString(), Cli.fixture("corpus/agentcore-runtime-stack.yaml"));
        assertThat(clean.code()).as(clean.output()).isZero();
        assertThat(Launch.run(dir, env, Launch.launcher().toString(), "--bogus").code()).isEqualTo(2);
    }

    @Test
    void saysClearlyWhenTheJarIsMissing() throws Exception {
        // Installed elsewhere: the launcher and the JDK finder it sources, side by side.
        Path copy = dir.resolve("bin/policy-lint");
        Files.createDirectories(copy.getParent());
        Files.copy(Launch.launcher(), copy);
        Files.copy(RepositoryFiles.root().resolve("scripts/find-jdk.sh"), copy.resolveSibling("find-jdk.sh"));
        copy.toFile().setExecutable(true);
        Launch r = Launch.run(dir, Map.of("POLICY_LINT_JAR", ""), copy.toString(), "--version");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.output()).contains("policy-lint: cannot find policy-lint.jar");
    }
}
