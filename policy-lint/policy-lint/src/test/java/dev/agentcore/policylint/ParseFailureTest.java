package dev.agentcore.policylint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A template that does not parse was not checked: it is never counted as checked and always ends the run with exit 2,
 * whatever the configuration or a comment in it says. Switching PL001 off would turn "not read" into a pass.
 */
class ParseFailureTest {

    @TempDir
    Path repo;

    @BeforeEach
    void layout() throws IOException {
        Files.createDirectories(repo.resolve("infra"));
        Files.copy(LintRun.fixture("rules/broken-template.yaml"), repo.resolve("infra/broken.yaml"));
        Files.copy(LintRun.fixture("corpus/agentcore-runtime-stack.yaml"), repo.resolve("infra/clean.yaml"));
    }

    @Test
    void aTemplateThatDoesNotParseIsNotCountedAsChecked() {
        LintRun r = LintRun.run(LintRun.withoutConfig(repo).paths(Path.of("infra")));
        assertThat(r.status()).isEqualTo(ExitStatus.INPUT_ERROR);
        assertThat(r.out()).contains("infra/broken.yaml:8:7: error PL001").contains("in 1 template checked");
    }

    @Test
    void theConfigurationCannotSwitchParseErrorsOffOrLowerThem() throws IOException {
        String[][] settings = {{"severity: {PL001: off}", "2:19"}, {"severity: {PL001: warning}", "2:19"},
                {"ignore:\n  - rule: PL001\n    reason: legacy", "3:11"}};
        for (String[] setting : settings) {
            Files.writeString(repo.resolve(".policy-lint.yaml"), "paths: [infra]\n" + setting[0] + "\n");
            LintRun r = LintRun.run(LintRequest.in(repo));
            assertThat(r.status()).as(setting[0]).isEqualTo(ExitStatus.INPUT_ERROR);
            assertThat(r.err()).as(setting[0]).contains(".policy-lint.yaml:" + setting[1] + ": ")
                    .contains("PL001 cannot be switched off, lowered or ignored: a file that does not parse is not checked "
                            + "(exclude the file instead)");
        }
        Files.writeString(repo.resolve(".policy-lint.yaml"), "paths: [infra]\nseverity: {PL001: error}\n");
        assertThat(LintRun.run(LintRequest.in(repo)).out()).contains("error PL001").contains("in 1 template checked");
    }

    @Test
    void aSuppressionCommentDoesNotHideAParseError() throws IOException {
        Path broken = repo.resolve("infra/broken.yaml");
        Files.writeString(broken, "# policy-lint: ignore PL001 -- we know\n" + Files.readString(broken));
        LintRun r = LintRun.run(LintRun.withoutConfig(repo).paths(Path.of("infra/broken.yaml")));
        assertThat(r.status()).isEqualTo(ExitStatus.INPUT_ERROR);
        assertThat(r.out()).contains("infra/broken.yaml:9:7: error PL001").contains("in 0 templates checked");
    }
}
