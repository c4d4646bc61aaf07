package dev.agentcore.policylint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import dev.agentcore.testing.RepositoryFiles;

/** Runs a real process (the launcher, git, pre-commit) with policy-lint's jar and this JDK, bounded in time. */
record Launch(int code, String output) {

    static Path jar() {
        Path jar = Path.of(System.getProperty("policy-lint.jar", "target/policy-lint.jar")).toAbsolutePath();
        assertThat(Files.exists(jar)).as(jar + " (built by the package phase)").isTrue();
        return jar;
    }

    /** The launcher users call; it stays in the library module's directory, where the docs and the hooks point. */
    static Path launcher() {
        return RepositoryFiles.root().resolve("policy-lint/policy-lint/bin/policy-lint");
    }

    static Launch run(Path dir, Map<String, String> env, String... command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(List.of(command)).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().put("POLICY_LINT_JAR", jar().toString());
        pb.environment().putAll(env);
        Process p = pb.start();
        p.getOutputStream().close();
        boolean done = p.waitFor(120, TimeUnit.SECONDS);
        if (!done) {
            p.destroyForcibly();
        }
        assertThat(done).as(String.join(" ", command) + " finished in time").isTrue();
        return new Launch(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }
}
