package dev.agentcore.infra.cfnlint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentcore.infra.Expectations;
import dev.agentcore.infra.Repository;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The gate fails when it should: a known-bad template yields exactly the findings written next to the offending
 * lines ({@code # expect: RULE...}), nothing more and nothing less. And the two mistakes cfn-lint cannot see stay
 * documented: they pass it, which is why the other gates exist.
 */
class CfnLintCatchesKnownBadTest {

    private static CfnLintRunner runner;

    @BeforeAll
    static void detectRunner() {
        runner = RepositoryRunner.detect();
    }

    @Test
    void the_known_bad_template_yields_exactly_the_expected_findings() {
        Path template = Repository.knownBad("cfn-lint-bad.yaml");
        List<String> expected = Expectations.of(template);
        assertThat(expected).as("the fixture states its expectations").hasSizeGreaterThanOrEqualTo(5);

        CfnLintReport report = runner.lint(List.of(template), CfnLintOptions.defaults());

        List<String> actual = report.findings().stream().map(finding -> finding.ruleId() + "@" + finding.line()).toList();
        assertThat(actual).as("findings of %s (runner: %s): %s", template, report.runner(), report.findings())
                .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(report.errors()).isNotEmpty();
    }

    @Test
    void the_seeds_placeholder_role_passes_cfn_lint_which_is_why_policy_lint_exists() {
        CfnLintReport report = runner.lint(List.of(Repository.knownBad("seed-execution-role.yaml")),
                CfnLintOptions.defaults().withInformational());

        assertThat(report.errors()).isEmpty();
        assertThat(report.warnings()).isEmpty();
        // All cfn-lint has to say is that "arn:aws" should be ${AWS::Partition}.
        assertThat(report.findings()).extracting(CfnLintFinding::ruleId).containsOnly("I3042");
    }

    @Test
    void a_hyphenated_runtime_name_passes_cfn_lint_because_the_schema_pattern_is_unanchored() {
        CfnLintReport report = runner.lint(List.of(Repository.knownBad("cfn-lint-blind-spots.yaml")),
                CfnLintOptions.defaults().withInformational());

        assertThat(report.findings()).isEmpty();
    }
}
