package dev.agentcore.deploy.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every rule has a fixture, every fixture yields exactly the rules it expects, and ids are unique and ordered. */
class DeployDiagnosisRulesTest {

    @Test
    void everyFixtureYieldsExactlyItsRules() {
        for (DeployDiagnosisFixture fixture : DeployDiagnosisFixture.all()) {
            DeployDiagnosis diagnosis = DeployDiagnosisRules.diagnose(fixture.failure());
            assertThat(diagnosis.causes().stream().map(DeployDiagnosis.Cause::ruleId).toList())
                    .as(fixture.ruleId() + ": " + diagnosis.render()).isEqualTo(fixture.expected());
            assertThat(diagnosis.causes()).allSatisfy(cause -> {
                assertThat(cause.cause()).isNotBlank();
                assertThat(cause.nextStep()).isNotBlank();
            });
        }
    }

    @Test
    void everyRuleHasAFixtureNamedAfterIt() {
        Set<String> fixtures = DeployDiagnosisFixture.all().stream().map(DeployDiagnosisFixture::ruleId)
                .collect(Collectors.toSet());
        assertThat(fixtures).containsExactlyInAnyOrderElementsOf(
                DeployDiagnosisRules.all().stream().map(DeployDiagnosisRule::id).toList());
    }

    @Test
    void idsAreUniqueAndInRankOrder() {
        List<String> ids = DeployDiagnosisRules.all().stream().map(DeployDiagnosisRule::id).toList();
        assertThat(ids).doesNotHaveDuplicates().isSorted();
    }

    @Test
    void theTrustRulesNeedTheTrustPolicyAndStaySilentWhenItIsRight() {
        DeployFailure refused = DeployFailure.of("stack s", "CREATE_FAILED",
                "Role validation failed: could not assume role arn:aws:iam::123456789012:role/r", "us-east-1");
        assertThat(DeployDiagnosisRules.diagnose(refused).causes()).isEmpty();
        String right = "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"bedrock-agentcore.amazonaws.com\"},"
                + "\"Action\":\"sts:AssumeRole\",\"Condition\":{\"ArnLike\":{\"aws:SourceArn\":"
                + "\"arn:aws:bedrock-agentcore:us-east-1:123456789012:*\"}}}]}";
        assertThat(DeployDiagnosisRules.diagnose(refused.withTrustPolicy(right)).causes()).isEmpty();
    }

    @Test
    void theDiagnosticianReadsTheTrustPolicyOfTheRoleTheMessageNames() {
        String wrong = "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"ecs-tasks.amazonaws.com\"}}]}";
        var asked = new java.util.ArrayList<String>();
        var diagnostician = new DeployDiagnostician(arn -> {
            asked.add(arn);
            return Optional.of(wrong);
        });
        DeployDiagnosis diagnosis = diagnostician.diagnose(DeployFailure.of("stack s", "CREATE_FAILED",
                "AgentCore could not assume role arn:aws:iam::123456789012:role/hello-exec.", "us-east-1"));
        assertThat(asked).containsExactly("arn:aws:iam::123456789012:role/hello-exec");
        assertThat(diagnosis.causes()).singleElement().satisfies(c -> {
            assertThat(c.ruleId()).isEqualTo("DP150");
            assertThat(c.cause()).contains("ecs-tasks.amazonaws.com");
        });
    }

    @Test
    void theCredentialChainsListOfProvidersIsCutToItsFirstClause() {
        String sdk = "Unable to load credentials from any of the providers in the chain AwsCredentialsProviderChain("
                + "credentialsProviders=[...]) : [" + "SystemPropertyCredentialsProvider(): no key. ".repeat(20) + "]";
        String report = DeployDiagnosisRules.diagnose(DeployFailure.of("sts get-caller-identity", "", sdk, "us-east-1"))
                .render();
        assertThat(report).contains("[DP100]").contains("(the chain tried every provider)")
                .doesNotContain("SystemPropertyCredentialsProvider(): no key");
    }
}
