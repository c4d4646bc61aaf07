package dev.agentcore.infra.policylint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentcore.infra.Expectations;
import dev.agentcore.infra.Repository;
import dev.agentcore.policylint.ExitStatus;
import dev.agentcore.policylint.Lint;
import dev.agentcore.policylint.LintOutcome;
import dev.agentcore.policylint.LintRequest;
import dev.agentcore.policylint.config.ConfigSource;
import dev.agentcore.policylint.report.JsonReport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The policy-lint gate: every template has zero policy-lint errors, with and without the list of deployed
 * runtimes; and the seed's {@code agentName-*} role, which cfn-lint accepts, fails it.
 */
class PolicyLintGateTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The four sample runtimes as the sandbox environment deploys them (the deploy CLI's state file). */
    private static final Path SANDBOX_RUNTIMES = resource("runtimes/sandbox-state.json");

    /** The seed's echo server, mcp_echo-N0geaLEEPE, created before the October 2025 service-linked role. */
    private static final Path SEED_RUNTIMES = resource("runtimes/seed-state.json");

    /** The runtimes this repository deploys: every name a grant may be scoped by. */
    private static final Path RUNTIMES_MANIFEST = Repository.root().resolve("runtimes.json");

    private static final Path SEED_ROLE = Repository.knownBad("seed-execution-role.yaml");

    record Run(ExitStatus status, JsonNode report, String stderr) {

        List<JsonNode> findings(String severity) {
            return StreamSupport.stream(report.path("findings").spliterator(), false)
                    .filter(finding -> finding.path("severity").asString("").equals(severity))
                    .toList();
        }
    }

    @Test
    void every_template_has_no_policy_lint_errors_against_the_deployed_runtimes(TestReporter reporter) {
        Run run = policyLint(withTemplates().runtimeFiles(SANDBOX_RUNTIMES));

        reporter.publishEntry("policy-lint summary", run.report().path("summary").toString());
        run.findings("warning").forEach(warning -> System.out.println("policy-lint warning: " + warning));
        assertThat(run.findings("error")).as("policy-lint errors: %s", run.report()).isEmpty();
        assertThat(run.status()).as(run.stderr()).isEqualTo(ExitStatus.OK);
        assertThat(run.report().path("summary").path("templates").asInt()).isEqualTo(Repository.templates().size());
        assertThat(run.report().path("summary").path("inputErrors")).isEmpty();
    }

    @Test
    void every_template_has_no_policy_lint_errors_or_warnings_before_anything_is_deployed() {
        Run run = policyLint(withTemplates());

        assertThat(run.findings("error")).as("policy-lint errors: %s", run.report()).isEmpty();
        assertThat(run.findings("warning")).as("policy-lint warnings: %s", run.report()).isEmpty();
        assertThat(run.status()).as(run.stderr()).isEqualTo(ExitStatus.OK);
    }

    @Test
    void every_template_fits_the_runtime_names_of_the_runtimes_manifest() {
        Run run = policyLint(withTemplates().manifests(RUNTIMES_MANIFEST));

        assertThat(run.findings("error")).as("policy-lint errors: %s", run.report()).isEmpty();
        assertThat(run.status()).as(run.stderr()).isEqualTo(ExitStatus.OK);
    }

    /** The seed's mistake, before a deploy: a grant for a name that runtimes.json does not have. */
    @Test
    void a_grant_for_a_runtime_the_manifest_does_not_have_is_refused_before_aws_sees_it(@TempDir Path dir) throws IOException {
        Path runtime = Repository.infra().resolve("templates/runtime.yaml");
        Path typo = Files.writeString(dir.resolve("runtime.yaml"), Files.readString(runtime)
                .replace("workload-identity/${RuntimeName}-*", "workload-identity/mcp-echo-*")
                .replace("runtime/${RuntimeName}-*\"", "runtime/hello_agnet-*\""));

        Run run = policyLint(withoutConfig().manifests(RUNTIMES_MANIFEST).paths(typo));

        assertThat(run.status()).isEqualTo(ExitStatus.FINDINGS);
        assertThat(run.findings("error")).extracting(error -> error.path("message").asString())
                .anySatisfy(message -> assertThat(message).contains("runtime/hello_agnet-*")
                        .contains("runtimes of the runtimes manifest; closest by name: hello_agent"))
                .anySatisfy(message -> assertThat(message).contains("workload-identity/mcp-echo-*"));
    }

    @Test
    void the_seeds_placeholder_role_fails_policy_lint_on_the_placeholder_line() throws IOException {
        Run run = policyLint(withoutConfig().paths(SEED_ROLE));

        assertThat(run.status()).isEqualTo(ExitStatus.FINDINGS);
        assertThat(run.findings("error")).isNotEmpty().allSatisfy(error -> {
            assertThat(error.path("line").asInt()).isEqualTo(placeholderLine());
            assertThat(error.path("message").asString()).contains("agentName");
        });
    }

    @Test
    void against_the_seeds_runtime_policy_lint_names_the_identity_the_grant_should_have_meant() throws IOException {
        Run run = policyLint(withoutConfig().runtimeFiles(SEED_RUNTIMES).paths(SEED_ROLE));

        assertThat(run.status()).isEqualTo(ExitStatus.FINDINGS);
        // One problem, one finding: the placeholder, with the dead grant (PL110) as its related view.
        assertThat(run.findings("error"))
                .anySatisfy(error -> assertThat(error.path("related").get(0).path("message").asString())
                        .contains("matches none").contains("mcp_echo-N0geaLEEPE"))
                .anySatisfy(error -> assertThat(error.path("related").get(0).path("fix").asString())
                        .contains("workload-identity/mcp_echo-*"))
                .allSatisfy(error -> assertThat(error.path("line").asInt()).isEqualTo(placeholderLine()));
    }

    @Test
    void the_known_bad_template_yields_the_expected_findings_and_none_elsewhere() {
        Path fixture = Repository.knownBad("policy-lint-bad.yaml");
        List<String> expected = Expectations.of(fixture);
        assertThat(expected).as("the fixture states its expectations").hasSizeGreaterThanOrEqualTo(6);

        Run run = policyLint(withoutConfig().paths(fixture));

        List<String> actual = StreamSupport.stream(run.report().path("findings").spliterator(), false)
                .map(finding -> finding.path("ruleId").asString() + "@" + finding.path("line").asInt())
                .toList();
        assertThat(run.status()).isEqualTo(ExitStatus.FINDINGS);
        assertThat(actual).as("policy-lint findings: %s", run.report()).containsAll(expected);
        // A finding may cascade (one broken string, two rules), but never lands on a line nobody expected.
        List<Integer> expectedLines = expected.stream().map(Expectations::line).distinct().toList();
        assertThat(actual).allSatisfy(finding -> assertThat(Expectations.line(finding)).isIn(expectedLines));
    }

    private static LintRequest.Builder withoutConfig() {
        return LintRequest.in(Path.of("")).config(ConfigSource.none());
    }

    private static LintRequest.Builder withTemplates() {
        return withoutConfig().paths(Repository.templates());
    }

    /** Lints in-process with the policy-lint library and reads its JSON report, as CI would read the command's. */
    private static Run policyLint(LintRequest.Builder request) {
        LintOutcome outcome = Lint.run(request.build());
        if (!(outcome instanceof LintOutcome.Linted linted)) {
            throw new AssertionError("policy-lint could not run: " + ((LintOutcome.Refused) outcome).message());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new JsonReport().write(linted.result(), new PrintStream(out, true, StandardCharsets.UTF_8));
        String inputErrors = String.join("\n", linted.result().inputErrors());
        assertThat(linted.status()).as("policy-lint could not run: %s", inputErrors).isNotEqualTo(ExitStatus.INPUT_ERROR);
        return new Run(linted.status(), JSON.readTree(out.toString(StandardCharsets.UTF_8)), inputErrors);
    }

    private static int placeholderLine() throws IOException {
        List<String> lines = Files.readAllLines(SEED_ROLE);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("workload-identity/agentName-*")) {
                return i + 1;
            }
        }
        throw new AssertionError("the seed fixture lost its placeholder line");
    }

    private static Path resource(String name) {
        return Repository.infra().resolve("infra-validation/src/test/resources").resolve(name);
    }
}
