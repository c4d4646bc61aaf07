package dev.agentcore.policylint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile input: a clear error or a correct result, never a crash, a stack trace or a hang. */
class RobustnessTest {

    static final Duration BOUND = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private LintRun lint(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return assertTimeoutPreemptively(BOUND, () -> LintRun.run(LintRun.withoutConfig(dir).paths(file)));
    }

    private static void noCrash(LintRun r) {
        assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("internal error");
        assertThat(r.code()).isBetween(0, 2);
    }

    @Test
    void aliasBombIsRefusedQuickly() throws IOException {
        StringBuilder yaml = new StringBuilder("AWSTemplateFormatVersion: '2010-09-09'\nMetadata:\n  a0: &a0 [x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i <= 9; i++) {
            yaml.append("  a").append(i).append(": &a").append(i).append(" [");
            for (int j = 0; j < 9; j++) {
                yaml.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
            }
            yaml.append("]\n");
        }
        yaml.append("Resources: {}\n");
        LintRun r = lint("bomb.yaml", yaml.toString());
        noCrash(r);
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).contains("error PL001 the document expands to more than 1000000 values through its aliases");
    }

    @Test
    void aLargeTemplateWithoutAliasesIsNotCalledAnAliasBomb() throws IOException {
        StringBuilder yaml = new StringBuilder(12_000_000).append("AWSTemplateFormatVersion: '2010-09-09'\nResources: {}\nMetadata:\n  Items:\n");
        for (int i = 0; i < 1_050_000; i++) {
            yaml.append("    - x\n");
        }
        LintRun r = lint("large.yaml", yaml.toString());
        noCrash(r);
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).contains("error PL001 the document holds more than 1000000 values (CloudFormation accepts "
                + "templates up to 1 MB)").doesNotContain("alias");
    }

    @Test
    void anchorsAliasesAndMergeKeysResolve() throws IOException {
        LintRun r = lint("anchors.yaml", """
                AWSTemplateFormatVersion: '2010-09-09'
                Resources:
                  PolicyA:
                    Type: AWS::IAM::ManagedPolicy
                    Properties:
                      PolicyDocument:
                        Statement:
                          - &tokens
                            Effect: Allow
                            Action: bedrock-agentcore:GetWorkloadAccessTokenForJWT
                            Resource: !Sub 'arn:aws:bedrock-agentcore:${AWS::Region}:${AWS::AccountId}:workload-identity-directory/default/workload-identity/agentName-*'
                  PolicyB:
                    Type: AWS::IAM::ManagedPolicy
                    Properties:
                      PolicyDocument:
                        Statement:
                          - <<: *tokens
                            Sid: Merged
                """);
        noCrash(r);
        assertThat(r.out()).contains("anchors.yaml:11:142: error PL100").contains("1 error,");
    }

    @Test
    void deepNestingIsRefused() throws IOException {
        String deep = "[".repeat(5000) + "]".repeat(5000);
        LintRun yaml = lint("deep.yaml", "AWSTemplateFormatVersion: '2010-09-09'\nResources: {}\nMetadata: {x: " + deep + "}\n");
        noCrash(yaml);
        assertThat(yaml.out()).contains("PL001").contains("nesting");
        LintRun json = lint("deep.json", "{\"AWSTemplateFormatVersion\": \"2010-09-09\", \"Metadata\": " + deep + "}");
        noCrash(json);
        assertThat(json.out()).contains("PL001");
        LintRun deepTags = lint("tags.yaml", "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  X:\n    Type: AWS::IAM::ManagedPolicy\n"
                + "    Properties: {PolicyDocument: {Statement: [{Effect: Allow, Resource: " + "!Select [0, [".repeat(300) + "a"
                + "]]".repeat(300) + "}]}}\n");
        noCrash(deepTags);
    }

    @Test
    void emptyAndCommentOnlyFilesArePassedOver() throws IOException {
        // Binary and non-UTF-8 files are input errors (EncodingTest); an empty YAML file is valid text and no template.
        Files.writeString(dir.resolve("empty.yaml"), "");
        Files.writeString(dir.resolve("comments.yaml"), "# nothing here\n");
        LintRun r = assertTimeoutPreemptively(BOUND, () -> LintRun.run(LintRun.withoutConfig(dir).paths(Path.of("."))));
        noCrash(r);
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("in 0 templates checked");
    }

    @Test
    void manyMegabytesAreLintedCorrectly() throws IOException {
        StringBuilder yaml = new StringBuilder("AWSTemplateFormatVersion: '2010-09-09'\nResources:\n");
        for (int i = 0; i < 12_000; i++) {
            yaml.append("  Topic").append(i).append(":\n    Type: AWS::SNS::Topic\n    Properties:\n      TopicName: topic-")
                    .append(i).append("-").append("x".repeat(400)).append('\n');
        }
        yaml.append("  Policy:\n    Type: AWS::IAM::ManagedPolicy\n    Properties:\n      PolicyDocument:\n        Statement:\n"
                + "          - {Effect: Allow, Action: 'bedrock-agentcore:InvokeAgentRuntime', Resource: 'arn:aws:bedrock-agentcore:us-east-1:111122223333:runtime/x-0123456789'}\n");
        assertThat(yaml.length()).isGreaterThan(5_000_000);
        LintRun r = lint("big.yaml", yaml.toString());
        noCrash(r);
        assertThat(r.out()).contains("big.yaml:" + (12_000 * 4 + 8) + ":").contains("PL100");
    }

    @Test
    void malformedSyntaxIsReportedWithItsLine() throws IOException {
        noCrash(lint("a.yaml", "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  X: [unclosed\n"));
        LintRun tabs = lint("b.yaml", "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n\tX: 1\n");
        assertThat(tabs.out()).contains("b.yaml:3:1: error PL001");
        LintRun dup = lint("c.json", "{\"AWSTemplateFormatVersion\": \"2010-09-09\", \"Resources\": {}, \"Resources\": {}}");
        assertThat(dup.out()).contains("c.json:1:61: error PL003 'Resources' is defined again (first at line 1)");
        noCrash(lint("d.yaml", "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  X: *nowhere\n"));
        noCrash(lint("e.yaml", "AWSTemplateFormatVersion: '2010-09-09'\n---\nResources: {}\n---\n"));
        noCrash(lint("f.yaml", "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  ? [a, b]\n  : c\n"));
    }

    @Test
    void intrinsicFunctionsInOddPlacesGiveAResultNotACrash() throws IOException {
        LintRun r = lint("odd.yaml", """
                AWSTemplateFormatVersion: '2010-09-09'
                Conditions:
                  Loop: !Condition Loop
                  Other: !And [!Condition Loop, !Equals [!Ref AWS::Region, x]]
                Resources:
                  P:
                    Type: AWS::IAM::ManagedPolicy
                    Properties:
                      PolicyDocument: !If [Other, !Ref AWS::NoValue, {Statement: !Ref Nope}]
                  Q:
                    Type: AWS::IAM::ManagedPolicy
                    Properties:
                      PolicyDocument:
                        Statement:
                          - !GetAtt
                          - Effect: !Sub [x, y, z]
                            Action: !Join [',', !Ref AWS::NotificationARNs]
                            Resource: !Select [9, !Split [',', 'a,b']]
                          - Effect: Allow
                            Action: !FindInMap [Missing, !Ref AWS::Region, x]
                            Resource: !Sub ['arn:aws:bedrock-agentcore:${R}:1:runtime/${X', {R: !GetAZs ''}]
                          - Fn::Transform: {Name: AWS::Include}
                          - 42
                          - null
                  R:
                    Type: !Ref AWS::Region
                    Properties: !Base64 x
                """);
        noCrash(r);
    }
}
