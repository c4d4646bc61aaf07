package dev.agentcore.policylint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --manifest runtimes.json}: before anything is deployed, grants must fit a runtime name the manifest plans. */
class ManifestRuntimesTest {

    @TempDir
    Path dir;

    /** One execution role whose grants are scoped by a name: RuntimeName's default, or a literal. */
    private Path template(String workloadIdentityName) throws IOException {
        return Files.writeString(dir.resolve("role.yaml"), """
                Parameters:
                  RuntimeName:
                    Type: String
                Resources:
                  Role:
                    Type: AWS::IAM::Role
                    Properties:
                      AssumeRolePolicyDocument:
                        Version: "2012-10-17"
                        Statement:
                          - Effect: Allow
                            Principal: {Service: bedrock-agentcore.amazonaws.com}
                            Action: sts:AssumeRole
                            Condition: {StringEquals: {aws:SourceAccount: !Ref AWS::AccountId}}
                      Policies:
                        - PolicyName: runtime
                          PolicyDocument:
                            Version: "2012-10-17"
                            Statement:
                              - Effect: Allow
                                Action: bedrock-agentcore:GetWorkloadAccessTokenForJWT
                                Resource:
                                  - !Sub "arn:${AWS::Partition}:bedrock-agentcore:${AWS::Region}:${AWS::AccountId}:workload-identity-directory/default/workload-identity/%s-*"
                              - Effect: Allow
                                Action: bedrock-agentcore:GetAgentRuntime
                                Resource: !Sub "arn:${AWS::Partition}:bedrock-agentcore:${AWS::Region}:${AWS::AccountId}:runtime/${RuntimeName}-*"
                """.formatted(workloadIdentityName));
    }

    private Path manifest() throws IOException {
        return Files.writeString(dir.resolve("runtimes.json"), """
                {"runtimes": [{"name": "hello_agent", "module": "m", "protocol": "HTTP", "auth": "SIGV4"},
                              {"name": "mcp_echo", "module": "m", "protocol": "MCP", "auth": "JWT"}]}
                """);
    }

    @Test
    void aGrantForANameTheManifestDoesNotHaveIsRefusedWithTheClosestName() throws IOException {
        Path role = template("mcp_ecko");

        LintRun run = LintRun.run(LintRun.withoutConfig(dir).manifests(manifest()).paths(role));

        assertThat(run.status()).isEqualTo(ExitStatus.FINDINGS);
        assertThat(run.out()).contains("PL110").contains("workload-identity/mcp_ecko-*")
                .contains("matches none of the 2 runtimes of the runtimes manifest; closest by name: mcp_echo")
                .contains("fix: use ...workload-identity-directory/default/workload-identity/mcp_echo-*");
        assertThat(run.out().lines().filter(line -> line.contains("error PL110"))).hasSize(1); // ${RuntimeName}: any name
    }

    @Test
    void aGrantForAManifestNameIsClean() throws IOException {
        LintRun run = LintRun.run(LintRun.withoutConfig(dir).manifests(manifest()).paths(template("mcp_echo")));

        assertThat(run.status()).as(run.out()).isEqualTo(ExitStatus.OK);
    }

    @Test
    void withoutTheManifestTheSameGrantIsNotChecked() throws IOException {
        LintRun run = LintRun.run(LintRun.withoutConfig(dir).paths(template("mcp_ecko")));

        assertThat(run.status()).as(run.out()).isEqualTo(ExitStatus.OK);
    }

    @Test
    void aManifestWithAHyphenatedNameIsRefusedAtItsLine() throws IOException {
        Path bad = Files.writeString(dir.resolve("runtimes.json"), "{\"runtimes\": [\n  {\"name\": \"mcp-echo\"}\n]}\n");

        LintRun run = LintRun.run(LintRun.withoutConfig(dir).manifests(bad).paths(template("mcp_echo")));

        assertThat(run.status()).isEqualTo(ExitStatus.INPUT_ERROR);
        assertThat(run.err()).contains("runtimes.json:2:").contains("hyphens are not allowed; use mcp_echo");
    }
}
