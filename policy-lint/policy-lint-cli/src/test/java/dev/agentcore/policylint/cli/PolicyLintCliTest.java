package dev.agentcore.policylint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.agentcore.policylint.report.RuleList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class PolicyLintCliTest {

    static final String SEED = "rules/seed-infrastructure.yaml";
    static final String SEED_RUNTIME = "runtimes/seed-get-agent-runtime.json";

    @TempDir
    Path dir;

    @Test
    void textOutputNamesFileLineColumnSeverityRuleAndTheFix() {
        Cli r = Cli.run(dir, "--no-config", "--runtimes", Cli.fixture(SEED_RUNTIME), Cli.fixture(SEED));
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains(Cli.fixture(SEED) + ":61:140: error PL100 'agentName' in arn:aws:bedrock-agentcore:")
                .contains("    also PL110: ")
                .contains("    fix: use ...workload-identity-directory/default/workload-identity/mcp_echo-* (the runtime name and -*)")
                .contains("policy-lint: 1 error, 0 warnings, 0 info findings in 1 template checked");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void cleanCorpusExitsZero() {
        Cli r = Cli.run(dir, "--no-config", Cli.fixture("corpus/agentcore-runtime-stack.yaml"), Cli.fixture("corpus/client-policy.json"));
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("0 errors, 0 warnings, 0 info findings in 2 templates checked");
    }

    @Test
    void warningsFailOnlyWithFailOnWarning() {
        String wildcards = Cli.fixture("rules/wildcards.yaml");
        assertThat(Cli.run(dir, "--no-config", wildcards).code()).isZero();
        assertThat(Cli.run(dir, "--no-config", "--fail-on", "warning", wildcards).code()).isEqualTo(1);
        assertThat(Cli.run(dir, "--no-config", "--fail-on", "WARNING", wildcards).code()).isEqualTo(1);
    }

    @Test
    void formatAndFailOnAreEnumsWhoseErrorsListTheValidValues() {
        String seed = Cli.fixture(SEED);
        Cli failOn = Cli.run(dir, "--no-config", "--fail-on", "sometimes", seed);
        assertThat(failOn.code()).isEqualTo(2);
        assertThat(failOn.err()).contains("Invalid value for option '--fail-on': expected one of [ERROR, WARNING, INFO] "
                + "(case-insensitive) but was 'sometimes'").doesNotContain("Exception");
        Cli format = Cli.run(dir, "--no-config", "--format", "xml", seed);
        assertThat(format.code()).isEqualTo(2);
        assertThat(format.err()).contains("Invalid value for option '--format': expected one of [TEXT, JSON, SARIF, MARKDOWN] "
                + "(case-insensitive) but was 'xml'");
        assertThat(Cli.run(dir, "--no-config", "--format", "JSON", seed).out()).contains("\"ruleId\" : \"PL100\"");
        Cli markdown = Cli.run(dir, "--no-config", "--format", "markdown", seed);
        assertThat(markdown.code()).isEqualTo(2);
        assertThat(markdown.err()).contains("--format MARKDOWN is only for --list-rules");
        assertThat(Cli.run(dir, "--help").out()).contains("TEXT, JSON, SARIF, MARKDOWN").contains("ERROR, WARNING, INFO");
    }

    @Test
    void optionsMeanTheSameUnderATurkishDefaultLocale() {
        // Turkish upper-cases "sarif" to "SARİF" and lower-cases "INFO" to "ınfo": the enum options must not care.
        String[] args = {"--no-config", "--format", "sarif", "--fail-on", "info", Cli.fixture(SEED)};
        Cli root = Cli.run(dir, args);
        Locale saved = Locale.getDefault();
        Locale.setDefault(Locale.of("tr", "TR"));
        try {
            assertThat(Cli.run(dir, args)).isEqualTo(root);
            assertThat(Cli.run(dir, "--list-rules").out()).isEqualTo(RuleList.text());
        } finally {
            Locale.setDefault(saved);
        }
        assertThat(root.code()).isEqualTo(1);
        assertThat(root.out()).contains("\"ruleId\" : \"PL100\"");
    }

    @Test
    void usageErrorsExitTwoWithOneClearLine() {
        Cli unknown = Cli.run(dir, "--bogus");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("Unknown option: '--bogus'").contains("policy-lint --help").doesNotContain("Exception");
        Cli missing = Cli.run(dir, "--no-config", "does-not-exist.yaml");
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("does-not-exist.yaml: no such file or directory");
    }

    @Test
    void aTemplateThatDoesNotParseIsAnInputError() {
        Cli r = Cli.run(dir, "--no-config", Cli.fixture("rules/broken-template.yaml"));
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).contains("broken-template.yaml:8:7: error PL001 YAML: expected <block end>, but found '-'");
    }

    @Test
    void jsonOutputCarriesPositionsAndSummary() {
        Cli r = Cli.run(dir, "--no-config", "--format", "json", "--runtimes", Cli.fixture(SEED_RUNTIME), Cli.fixture(SEED));
        JsonNode json = JsonMapper.builder().build().readTree(r.out());
        // agentName-* is one problem: the placeholder, with the dead grant as its related view.
        assertThat(json.path("findings")).hasSize(1);
        JsonNode first = json.path("findings").get(0);
        assertThat(first.path("related").get(0).path("ruleId").asString()).isEqualTo("PL110");
        assertThat(first.path("related").get(0).path("fix").asString()).contains("mcp_echo-*");
        assertThat(first.path("line").asInt()).isEqualTo(61);
        assertThat(first.path("column").asInt()).isEqualTo(140);
        assertThat(first.path("endColumn").asInt()).isEqualTo(149);
        assertThat(first.path("resource").asString()).isEqualTo("AgentRole");
        assertThat(json.path("summary").path("errors").asInt()).isEqualTo(1);
    }

    @Test
    void outputFileIsWrittenWhole() throws IOException {
        Path report = dir.resolve("reports/policy-lint.sarif");
        Cli r = Cli.run(dir, "--no-config", "--format", "sarif", "-o", report.toString(), Cli.fixture(SEED));
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(JsonMapper.builder().build().readTree(Files.readString(report)).path("version").asString()).isEqualTo("2.1.0");
        try (var files = Files.list(report.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("policy-lint.sarif");
        }
    }

    @Test
    void outputToADirectoryIsRefusedAndLeavesNoTemporaryFile() throws IOException {
        Path reports = Files.createDirectories(dir.resolve("reports"));
        Cli r = Cli.run(dir, "--no-config", "-o", "reports", Cli.fixture(SEED));
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("policy-lint: cannot write reports: it is a directory (name a file, e.g. -o reports/policy-lint.sarif)")
                .doesNotContain("Exception");
        try (var left = Files.list(dir); var inside = Files.list(reports)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactly("reports");
            assertThat(inside).isEmpty();
        }
    }

    @Test
    void aBadExcludeGlobNamesTheOptionAndThePattern() throws IOException {
        Cli option = Cli.run(dir, "--no-config", "--exclude", "infra/[", Cli.fixture(SEED));
        assertThat(option.code()).isEqualTo(2);
        assertThat(option.err()).contains("policy-lint: --exclude 'infra/[' is not a glob: missing ] at character")
                .doesNotContain("Exception").doesNotContain("unexpected error");
        Files.writeString(dir.resolve(".policy-lint.yaml"), "exclude:\n  - 'ok/**'\n  - 'legacy/{a,b'\n");
        Cli config = Cli.run(dir, Cli.fixture(SEED));
        assertThat(config.code()).isEqualTo(2);
        assertThat(config.err()).contains("policy-lint: .policy-lint.yaml:3:5: pattern 'legacy/{a,b' is not a glob: missing }")
                .doesNotContain("Exception");
    }

    @Test
    void verboseListsWhatWasPassedOverAndWhy() throws IOException {
        Path infra = Files.createDirectories(dir.resolve("infra"));
        Files.copy(Path.of(Cli.fixture(SEED)), infra.resolve("agent.yaml"));
        Files.writeString(infra.resolve("README.md"), "# infra\n");
        Files.createDirectories(infra.resolve("node_modules"));
        Cli quiet = Cli.run(dir, "--no-config", "infra");
        assertThat(quiet.err()).isEmpty();
        Cli verbose = Cli.run(dir, "--no-config", "--verbose", "infra");
        assertThat(verbose.code()).isEqualTo(quiet.code());
        assertThat(verbose.out()).isEqualTo(quiet.out());
        assertThat(verbose.err()).contains("policy-lint: passed over infra/README.md: not a YAML, JSON or .template file")
                .contains("policy-lint: passed over infra/node_modules: skipped directory");
    }

    @Test
    void directoriesAreWalkedSkippingBuildAndToolFolders() throws IOException {
        Path infra = Files.createDirectories(dir.resolve("infra"));
        Files.copy(Path.of(Cli.fixture(SEED)), infra.resolve("agent.yaml"));
        for (String skipped : new String[] {"node_modules", "target", ".venv", ".git"}) {
            Files.copy(Path.of(Cli.fixture(SEED)), Files.createDirectories(dir.resolve(skipped)).resolve("agent.yaml"));
        }
        Files.writeString(dir.resolve("README.md"), "# not checked: agentName-*\n");
        Cli r = Cli.run(dir, "--no-config");
        assertThat(r.out()).contains("infra/agent.yaml:61:140: error PL100").contains("in 1 template checked");
        Cli excluded = Cli.run(dir, "--no-config", "--exclude", "infra/**");
        assertThat(excluded.code()).isZero();
    }

    @Test
    void selfCheckLintsTheBundledSamples() {
        Cli r = Cli.run(dir, "--self-check");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("policy-lint self-check: ok (");
    }

    @Test
    void listRulesShowsEveryRule() {
        Cli r = Cli.run(dir, "--list-rules");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("PL100  error    placeholder-resource").contains("PL161").contains("PL901");
        assertThat(Cli.run(dir, "--list-rules", "--format", "markdown").out()).isEqualTo(RuleList.markdown());
        assertThat(Cli.run(dir, "--version").out()).startsWith("policy-lint ");
    }

    @Test
    void anUnreachableControlPlaneIsOneLineAndExitTwo() {
        // Nothing listens on loopback port 1: the SDK error becomes one line and exit code 2, never a stack trace.
        System.setProperty("aws.endpointUrlBedrockAgentCoreControl", "http://127.0.0.1:1");
        System.setProperty("aws.accessKeyId", "AKIDTEST");
        System.setProperty("aws.secretAccessKey", "secret");
        Cli r;
        try {
            r = Cli.run(dir, "--no-config", "--live", "--region", "us-east-1", Cli.fixture(SEED));
        } finally {
            System.clearProperty("aws.endpointUrlBedrockAgentCoreControl");
        }
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("policy-lint: live: cannot list AgentCore runtimes").doesNotContain("\tat ");
    }
}
