package dev.agentcore.infra.cfnlint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentcore.infra.Repository;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;

/** The cfn-lint gate: every template under infra/templates, zero errors and zero warnings. */
class TemplatesPassCfnLintTest {

    /** Regions where AgentCore Runtime is offered; the templates must hold in each. */
    static final String[] AGENTCORE_REGIONS = {
        "us-east-1", "us-east-2", "us-west-2", "eu-central-1", "eu-west-1",
        "ap-south-1", "ap-southeast-1", "ap-southeast-2", "ap-northeast-1"
    };

    private static CfnLintRunner runner;

    @BeforeAll
    static void detectRunner() {
        runner = RepositoryRunner.detect();
    }

    @Test
    void every_template_has_no_cfn_lint_errors_or_warnings(TestReporter reporter) {
        List<Path> templates = Repository.templates();
        assertThat(templates).hasSizeGreaterThanOrEqualTo(5);

        CfnLintReport report = runner.lint(templates,
                CfnLintOptions.defaults().withRegions(AGENTCORE_REGIONS).withInformational());

        reporter.publishEntry("cfn-lint runner", report.runner());
        reporter.publishEntry("templates", String.valueOf(templates.size()));
        report.at(CfnLintFinding.Level.INFORMATIONAL).forEach(note -> System.out.println("cfn-lint note: " + note));
        assertThat(report.errors()).as("cfn-lint errors (runner: %s)", report.runner()).isEmpty();
        assertThat(report.warnings()).as("cfn-lint warnings (runner: %s)", report.runner()).isEmpty();
    }
}
