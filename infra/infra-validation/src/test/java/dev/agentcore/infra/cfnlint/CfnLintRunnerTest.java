package dev.agentcore.infra.cfnlint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentcore.infra.Repository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which runner is chosen, and how a broken run is reported. */
class CfnLintRunnerTest {

    @TempDir
    Path emptyRepository;

    @Test
    void without_docker_and_without_the_venv_the_message_says_what_to_do() {
        assertThatThrownBy(() -> CfnLintRunner.detect(emptyRepository, () -> false))
                .isInstanceOf(CfnLintException.class)
                .hasMessageContaining("no Docker engine is running")
                .hasMessageContaining(emptyRepository.resolve(".venv/bin/cfn-lint").toString())
                .hasMessageContaining("make tools");
    }

    @Test
    void without_docker_the_venv_cfn_lint_runs_and_says_so() {
        CfnLintRunner runner = CfnLintRunner.detect(Repository.root(), () -> false);

        assertThat(runner).isInstanceOf(LocalCfnLint.class);
        assertThat(runner.describe())
                .startsWith("local cfn-lint " + ContainerCfnLint.pinnedVersion(Repository.infra().resolve("cfn-lint/requirements.txt")))
                .contains(".venv/bin/cfn-lint")
                .contains("no Docker engine available");
    }

    @Test
    void with_docker_the_container_built_from_the_repository_dockerfile_is_chosen() {
        CfnLintRunner runner = CfnLintRunner.detect(Repository.root(), () -> true);

        assertThat(runner).isInstanceOf(ContainerCfnLint.class);
        assertThat(runner.describe())
                .contains("in a container (Testcontainers")
                .contains("infra/cfn-lint/Dockerfile")
                .contains("agentcore-blueprint/cfn-lint:1.58.0");
    }

    @Test
    void with_docker_but_no_dockerfile_the_message_names_the_missing_file() {
        assertThatThrownBy(() -> CfnLintRunner.detect(emptyRepository, () -> true))
                .isInstanceOf(CfnLintException.class)
                .hasMessageContaining(emptyRepository.resolve("infra/cfn-lint/Dockerfile").toString());
    }

    @Test
    void a_cfn_lint_failure_is_an_exception_with_its_own_message_not_an_empty_report() {
        CfnLintRunner runner = new LocalCfnLint(Repository.root().resolve(CfnLintRunner.VENV_EXECUTABLE), "test");

        // A region cfn-lint does not know makes it exit with an error before linting anything.
        assertThatThrownBy(() -> runner.lint(List.of(Repository.templates().getFirst()),
                        CfnLintOptions.defaults().withRegions("xx-nowhere-1")))
                .isInstanceOf(CfnLintException.class)
                .hasMessageContaining("exited with")
                .hasMessageContaining("xx-nowhere-1");
    }

    @Test
    void a_template_that_is_not_yaml_is_a_finding_with_its_line(@TempDir Path directory) throws IOException {
        Path broken = Files.writeString(directory.resolve("broken.yaml"), "Resources:\n  Bucket: [\n");
        CfnLintRunner runner = CfnLintRunner.detect(Repository.root());

        CfnLintReport report = runner.lint(List.of(broken), CfnLintOptions.defaults());

        assertThat(report.errors()).singleElement().satisfies(finding -> {
            assertThat(finding.ruleId()).isEqualTo("E0000");
            assertThat(finding.file()).isEqualTo(broken);
            assertThat(finding.line()).isEqualTo(3);
        });
    }

    @Test
    void options_reject_a_region_that_is_not_one() {
        assertThatThrownBy(() -> CfnLintOptions.defaults().withRegions("us east 1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("us east 1");
    }

    @Test
    void output_that_is_not_a_json_report_is_reported_not_ignored() {
        assertThatThrownBy(() -> CfnLintJson.parse("Traceback (most recent call last): ...", Path::of))
                .isInstanceOf(CfnLintException.class)
                .hasMessageContaining("did not print a JSON report")
                .hasMessageContaining("Traceback");
        assertThatThrownBy(() -> CfnLintJson.parse("{\"Level\": \"Error\"}", Path::of))
                .hasMessageContaining("not an array");
        assertThat(CfnLintJson.parse("", Path::of)).isEmpty();
    }
}
