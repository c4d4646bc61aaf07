package dev.agentcore.policylint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.agentcore.policylint.config.ConfigSource;

class ConfigTest {

    @TempDir
    Path repo;
    Path sub;

    @BeforeEach
    void layout() throws IOException {
        Files.createDirectories(repo.resolve("infra/legacy"));
        sub = Files.createDirectories(repo.resolve("services/api"));
        Files.copy(LintRun.fixture("rules/seed-infrastructure.yaml"), repo.resolve("infra/agent.yaml"));
        Files.copy(LintRun.fixture("rules/wildcards.yaml"), repo.resolve("infra/legacy/admin.yaml"));
        Files.copy(LintRun.fixture("runtimes/seed-get-agent-runtime.json"), repo.resolve("runtimes.json"));
    }

    @Test
    void theConfigIsFoundUpwardAndItsPathsAreRelativeToIt() throws IOException {
        Files.writeString(repo.resolve(".policy-lint.yaml"), """
                runtimes: [runtimes.json]
                paths: [infra]
                severity:
                  PL110: warning
                ignore:
                  - rule: PL161
                    paths: ["infra/legacy/**"]
                    reason: reviewed by hand
                fail-on: warning
                """);
        LintRun r = LintRun.run(LintRequest.in(sub));
        assertThat(r.out()).contains("infra/agent.yaml:61:140: error PL100")
                .contains("    also PL110: ")
                .contains("PL160").doesNotContain("PL161");
        assertThat(r.status()).isEqualTo(ExitStatus.FINDINGS);
    }

    @Test
    void ignoresWithoutReasonAreWarnedAbout() throws IOException {
        Files.writeString(repo.resolve(".policy-lint.yaml"), """
                paths: [infra/legacy]
                ignore:
                  - rule: PL160
                """);
        LintRun r = LintRun.run(LintRequest.in(repo));
        assertThat(r.out()).contains(".policy-lint.yaml:3:5: warning PL900 ignore of PL160").doesNotContain("warning PL160");
        LintRun off = LintRun.run(LintRun.withoutConfig(repo).paths(Path.of("infra/legacy")));
        assertThat(off.out()).contains("warning PL160");
    }

    @Test
    void severityOffDropsARule() throws IOException {
        Files.writeString(repo.resolve("custom.yaml"), "severity: {PL100: off, PL110: off}\n");
        LintRun r = LintRun.run(LintRequest.in(repo).config(ConfigSource.file(Path.of("custom.yaml")))
                .runtimeFiles(Path.of("runtimes.json")).paths(Path.of("infra/agent.yaml")));
        assertThat(r.status()).isEqualTo(ExitStatus.OK);
    }

    @Test
    void aBadConfigIsAUsageErrorNamingFileLineAndKey() throws IOException {
        Files.writeString(repo.resolve(".policy-lint.yaml"), "paths: [infra]\nseverity:\n  PL999: error\n");
        LintRun r = LintRun.run(LintRequest.in(repo));
        assertThat(r.status()).isEqualTo(ExitStatus.INPUT_ERROR);
        assertThat(r.err()).contains(".policy-lint.yaml:3:3: unknown rule 'PL999'");
        Files.writeString(repo.resolve(".policy-lint.yaml"), "pathz: [infra]\n");
        assertThat(LintRun.run(LintRequest.in(repo)).err()).contains(".policy-lint.yaml:1:1: unknown setting 'pathz'");
        Files.writeString(repo.resolve(".policy-lint.yaml"), "paths: [infra\n");
        assertThat(LintRun.run(LintRequest.in(repo)).err()).contains(".policy-lint.yaml:2:1: YAML:");
    }
}
