package dev.agentcore.policylint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.agentcore.policylint.report.ReportFormat;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import dev.agentcore.testing.RepositoryFiles;

/**
 * The SARIF report is valid against the official SARIF 2.1.0 schema (from the pinned npm package
 * {@code @microsoft/jest-sarif}, checked with the pinned Python {@code jsonschema}) and has what GitHub code scanning
 * requires beyond the schema.
 */
class SarifTest {

    @TempDir
    static Path repo;
    static Path sarif;
    static JsonNode log;

    @BeforeAll
    static void lintARepository() throws IOException {
        Files.createDirectories(repo.resolve(".git"));
        Path infra = Files.createDirectories(repo.resolve("infra/my stacks"));
        Files.copy(LintRun.fixture("rules/seed-infrastructure.yaml"), infra.resolve("agent.yaml"));
        Files.copy(LintRun.fixture("rules/missing-grant-new-runtime.yaml"), infra.resolve("support.yaml"));
        Files.copy(LintRun.fixture("rules/tabs-template.yaml"), infra.resolve("broken.yaml"));
        Files.copy(LintRun.fixture("rules/wildcards.yaml"), infra.resolve("admin.yaml"));
        sarif = repo.resolve("out/policy-lint.sarif");
        LintRun r = LintRun.run(LintRun.withoutConfig(repo.resolve("infra"))
                .runtimeFiles(LintRun.fixture("runtimes/seed-get-agent-runtime.json"), LintRun.fixture("runtimes/new-jwt-runtime.yaml"))
                .paths(Path.of(".")), ReportFormat.SARIF);
        assertThat(r.status()).isEqualTo(ExitStatus.INPUT_ERROR); // the broken template
        Files.createDirectories(sarif.getParent());
        Files.writeString(sarif, r.out());
        log = JsonMapper.builder().build().readTree(r.out());
    }

    @Test
    void validatesAgainstTheSarif210Schema() throws Exception {
        Path schema = RepositoryFiles.require("node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json");
        Path python = RepositoryFiles.require(".venv/bin/python");
        Process p = new ProcessBuilder(python.toString(), "-c", """
                import json, sys, jsonschema
                schema = json.load(open(sys.argv[1]))
                log = json.load(open(sys.argv[2]))
                errors = sorted(jsonschema.Draft7Validator(schema).iter_errors(log), key=lambda e: list(e.path))
                for e in errors:
                    print(list(e.path), e.message)
                print("errors:", len(errors))
                """, schema.toString(), sarif.toString()).redirectErrorStream(true).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(output).as(output).contains("errors: 0");
        assertThat(p.exitValue()).isZero();
    }

    @Test
    void hasWhatGitHubCodeScanningRequires() {
        assertThat(log.path("$schema").asString()).isEqualTo("https://json.schemastore.org/sarif-2.1.0.json");
        assertThat(log.path("version").asString()).isEqualTo("2.1.0");
        JsonNode run = log.path("runs").get(0);
        JsonNode driver = run.path("tool").path("driver");
        assertThat(driver.path("name").asString()).isEqualTo("policy-lint");
        assertThat(driver.path("rules")).hasSizeGreaterThanOrEqualTo(15);
        for (JsonNode rule : driver.path("rules")) {
            assertThat(rule.path("id").asString()).matches("PL\\d{3}");
            assertThat(rule.path("shortDescription").path("text").asString()).isNotBlank();
            assertThat(rule.path("fullDescription").path("text").asString()).isNotBlank();
            assertThat(rule.path("help").path("text").asString()).contains("docs/policy-lint/rules/");
            assertThat(rule.path("defaultConfiguration").path("level").asString()).isIn("error", "warning", "note");
            assertThat(Double.parseDouble(rule.path("properties").path("security-severity").asString())).isBetween(0.1, 10.0);
            String level = rule.path("defaultConfiguration").path("level").asString();
            assertThat(rule.path("properties").path("problem.severity").asString())
                    .isEqualTo(level.equals("note") ? "recommendation" : level);
        }
        assertThat(run.path("results")).isNotEmpty();
        for (JsonNode result : run.path("results")) {
            assertThat(result.path("message").path("text").asString()).isNotBlank();
            assertThat(driver.path("rules").get(result.path("ruleIndex").asInt()).path("id").asString())
                    .isEqualTo(result.path("ruleId").asString());
            JsonNode location = result.path("locations").get(0).path("physicalLocation");
            String uri = location.path("artifactLocation").path("uri").asString();
            assertThat(uri).startsWith("infra/my%20stacks/").doesNotStartWith("/");
            assertThat(location.path("artifactLocation").path("uriBaseId").asString()).isEqualTo("%SRCROOT%");
            JsonNode region = location.path("region");
            assertThat(region.path("startLine").asInt()).isPositive();
            assertThat(region.path("startColumn").asInt()).isPositive();
            assertThat(region.path("endLine").asInt()).isGreaterThanOrEqualTo(region.path("startLine").asInt());
            assertThat(result.path("partialFingerprints").path("policyLintFinding/v1").asString()).hasSize(32);
        }
        assertThat(run.path("originalUriBaseIds").path("%SRCROOT%").path("uri").asString())
                .isEqualTo(repo.toUri().toString());
    }

    @Test
    void carriesEveryKindOfFinding() {
        JsonNode results = log.path("runs").get(0).path("results");
        assertThat(results.findValuesAsString("ruleId")).contains("PL001", "PL100", "PL120", "PL160", "PL161");
        assertThat(results.findValuesAsString("level")).contains("error", "warning", "note");
        JsonNode seed = null;
        for (JsonNode r : results) {
            if (r.path("ruleId").asString().equals("PL100")) {
                seed = r;
            }
        }
        assertThat(seed.path("locations").get(0).path("physicalLocation").path("artifactLocation").path("uri").asString())
                .isEqualTo("infra/my%20stacks/agent.yaml");
        assertThat(seed.path("locations").get(0).path("physicalLocation").path("region").path("startLine").asInt()).isEqualTo(61);
        assertThat(seed.path("locations").get(0).path("physicalLocation").path("region").path("startColumn").asInt()).isEqualTo(140);
        // The dead grant is the same agentName-*: one result, PL110's view as a related location on the same characters.
        JsonNode related = seed.path("relatedLocations").get(0);
        assertThat(related.path("message").path("text").asString()).startsWith("PL110: ");
        assertThat(related.path("physicalLocation").path("region").path("startColumn").asInt()).isEqualTo(140);
    }
}
