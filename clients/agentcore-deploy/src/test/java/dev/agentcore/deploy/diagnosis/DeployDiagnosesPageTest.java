package dev.agentcore.deploy.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * docs/clients/deploy-diagnoses.md is generated from the rules and their fixtures and cannot drift: this test fails
 * when the page differs. {@code -Ddiagnoses.write=true} writes it.
 */
class DeployDiagnosesPageTest {

    static final String PATH = "docs/clients/deploy-diagnoses.md";
    static final String REGENERATE = "./mvnw -B -ntp -o test -pl clients/agentcore-deploy -Dtest=DeployDiagnosesPageTest"
            + " -Ddiagnoses.write=true";

    @Test
    void thePageIsGeneratedFromTheRulesAndTheirFixtures() throws IOException {
        Path page = Path.of(System.getProperty("repo.root")).resolve(PATH);
        String generated = render();
        if (Boolean.getBoolean("diagnoses.write")) {
            Files.createDirectories(page.getParent());
            Files.writeString(page, generated);
        }
        assertThat(page).as(PATH + " is missing; generate it with: " + REGENERATE).exists();
        if (!Files.readString(page).equals(generated)) {
            fail(PATH + " differs from the rules and fixtures; regenerate it with: " + REGENERATE);
        }
    }

    static String render() {
        Map<String, DeployDiagnosisFixture> fixtures = DeployDiagnosisFixture.all().stream()
                .collect(Collectors.toMap(DeployDiagnosisFixture::ruleId, Function.identity()));
        StringBuilder page = new StringBuilder("""
                # Deploy diagnoses: what agentcore-deploy says when a deploy step fails

                <!-- Generated from the rules (DeployDiagnosisRules in clients/agentcore-deploy) and their fixtures
                     (clients/agentcore-deploy/src/test/resources/deploy-diagnoses); DeployDiagnosesPageTest fails when
                     this page drifts. Do not edit by hand; regenerate with:
                     %s -->

                When a step of `agentcore-deploy` fails (a change set, a stack's resource, an AgentCore call, the
                credentials check, a smoke call), the tool tries every rule below, in this order, on the error as AWS
                (or the local AgentCore) worded it. Each rule that applies prints one cause and its next step, with its
                id (`[DP110]`). Where the message names an IAM role, the tool reads the role's trust policy first, so
                the trust rules can say what is wrong with it. Calls to a runtime itself are diagnosed by the invoke
                client's rules ([diagnoses.md](diagnoses.md)).

                | Id | Rule | Applies to |
                |---|---|---|
                """.formatted(REGENERATE));
        for (DeployDiagnosisRule rule : DeployDiagnosisRules.all()) {
            page.append("| [").append(rule.id()).append("](#").append(rule.id().toLowerCase(java.util.Locale.ROOT))
                    .append(") | ").append(rule.title()).append(" | ").append(rule.when()).append(" |\n");
        }
        for (DeployDiagnosisRule rule : DeployDiagnosisRules.all()) {
            DeployDiagnosisFixture fixture = fixtures.get(rule.id());
            page.append("\n## ").append(rule.id()).append("\n\n**").append(rule.title()).append(".** ")
                    .append(fixture.story()).append("\n\nSource of the example: ").append(fixture.source())
                    .append(".\n\n```\n").append(DeployDiagnosisRules.diagnose(fixture.failure()).render()).append("```\n");
        }
        return page.toString();
    }
}
