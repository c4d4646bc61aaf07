package dev.agentcore.policylint;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.agentcore.policylint.report.ReportFormat;
import dev.agentcore.policylint.report.RuleList;

/**
 * Under a Turkish default locale, "I".toLowerCase() is a dotless ı and "i".toUpperCase() a dotted İ: IAM names
 * (InvokeAgentRuntime, GetWorkloadAccessTokenForJWT), severities (INFO, warning) and file names would stop matching if
 * anything followed the default locale. Every report of the whole fixture corpus must come out the same as under
 * Locale.ROOT. (ArchitectureTest.nothing_follows_the_default_locale forbids the calls; this checks the behaviour.)
 */
class TurkishLocaleTest {

    static final Locale TURKISH = Locale.of("tr", "TR");

    @TempDir
    Path dir;

    static <T> T under(Locale locale, Callable<T> work) throws Exception {
        Locale saved = Locale.getDefault();
        Locale.setDefault(locale);
        try {
            return work.call();
        } finally {
            Locale.setDefault(saved);
        }
    }

    @Test
    void theTurkishLocaleIsTheOneThatBitesHere() {
        assertThat("INFO".toLowerCase(TURKISH)).isNotEqualTo("info");
        assertThat("sarif".toUpperCase(TURKISH)).isNotEqualTo("SARIF");
    }

    @Test
    void everyReportOfTheFixturesIsTheSameUnderATurkishDefaultLocale() throws Exception {
        LintRequest.Builder request = LintRun.withoutConfig(dir).paths(LintRun.FIXTURES.resolve("corpus"), LintRun.FIXTURES.resolve("rules"))
                .runtimeFiles(LintRun.fixture("runtimes/seed-get-agent-runtime.json"), LintRun.fixture("runtimes/new-jwt-runtime.yaml"))
                .failOn(dev.agentcore.policylint.rule.Severity.INFO);
        for (ReportFormat format : ReportFormat.values()) {
            LintRun root = under(Locale.ROOT, () -> LintRun.run(request, format));
            LintRun turkish = under(TURKISH, () -> LintRun.run(request, format));
            assertThat(root.out()).as(format + " report").contains("PL100").contains("PL140").contains("PL161");
            assertThat(turkish).as(format + " under tr-TR").isEqualTo(root);
        }
        assertThat(under(TURKISH, RuleList::text)).isEqualTo(under(Locale.ROOT, RuleList::text));
    }

    @Test
    void upperCaseIamNamesAndSettingsMeanTheSameUnderATurkishDefaultLocale() throws Exception {
        Files.writeString(dir.resolve(".policy-lint.yaml"), """
                severity: {PL161: INFO}
                fail-on: WARNING
                """);
        Path template = Files.writeString(dir.resolve("ROLE.YML"), """
                AWSTemplateFormatVersion: '2010-09-09'
                Resources:
                  Invoker:
                    Type: AWS::IAM::ManagedPolicy
                    Properties:
                      PolicyDocument:
                        Version: '2012-10-17'
                        Statement:
                          - Effect: Allow
                            Action:
                              - BEDROCK-AGENTCORE:INVOKEAGENTRUNTIME
                              - bedrock-agentcore:GetWorkloadAccessTokenForJWT
                            Resource: '*'
                """);
        LintRun root = under(Locale.ROOT, () -> LintRun.run(LintRequest.in(dir).paths(template)));
        LintRun turkish = under(TURKISH, () -> LintRun.run(LintRequest.in(dir).paths(template)));
        assertThat(root.err()).isEmpty();
        assertThat(root.out()).contains("ROLE.YML").contains("PL161").doesNotContain("PL140");
        assertThat(turkish).isEqualTo(root);
    }
}
