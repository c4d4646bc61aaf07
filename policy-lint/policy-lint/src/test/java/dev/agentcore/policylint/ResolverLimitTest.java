package dev.agentcore.policylint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The resolver bounds its work (nesting depth, combinations of undecided {@code Fn::If} branches). A value past a bound
 * is not checked, so it must be reported where it is (PL002), never become a silent unknown: otherwise nesting
 * {@code Fn::If} -> {@code Fn::Join} -> {@code Fn::Sub} deep enough hides an {@code agentName-*} placeholder.
 */
class ResolverLimitTest {

    static final String PLACEHOLDER = "!Sub 'arn:aws:bedrock-agentcore:${AWS::Region}:${AWS::AccountId}:"
            + "workload-identity-directory/default/workload-identity/agentName-*'";

    @TempDir
    Path dir;

    /** A token policy whose Resource nests {@code levels} of Fn::If over Fn::Join around the placeholder's Fn::Sub. */
    private static String template(int levels, String condition) {
        String value = PLACEHOLDER;
        for (int i = 0; i < levels; i++) {
            value = "!If [Prod, !Join ['', [" + value + "]], 'arn:aws:bedrock-agentcore:us-east-1:111122223333:"
                    + "workload-identity-directory/default/workload-identity/x-*']";
        }
        return """
                AWSTemplateFormatVersion: '2010-09-09'
                Parameters:
                  Env: {Type: String%s}
                Conditions:
                  Prod: !Equals [!Ref Env, prod]
                Resources:
                  TokenPolicy:
                    Type: AWS::IAM::ManagedPolicy
                    Properties:
                      PolicyDocument:
                        Statement:
                          - Effect: Allow
                            Action: bedrock-agentcore:GetWorkloadAccessTokenForJWT
                            Resource: %s
                """.formatted(condition, value);
    }

    private LintRun lint(String text) throws IOException {
        Files.writeString(dir.resolve("t.yaml"), text);
        return LintRun.run(LintRun.withoutConfig(dir).paths(Path.of("t.yaml")));
    }

    @Test
    void withinTheBoundsTheNestedPlaceholderIsFound() throws IOException {
        assertThat(lint(template(3, "")).out()).contains("error PL100 'agentName'").doesNotContain("PL002");
        assertThat(lint(template(15, ", Default: prod")).out()).contains("error PL100 'agentName'").doesNotContain("PL002");
    }

    @Test
    void tooManyUndecidedBranchesAreReportedWhereTheValueIs() throws IOException {
        LintRun r = lint(template(20, "")); // Env has no default: every Fn::If keeps both branches
        assertThat(r.out()).contains("t.yaml:14:").contains("error PL002 this value could not be resolved: more than 16 "
                + "combinations of undecided Fn::If branches; what it holds is not checked");
        assertThat(r.status()).isEqualTo(ExitStatus.FINDINGS);
    }

    @Test
    void nestingPastTheDepthBoundIsReportedWhereItStops() throws IOException {
        LintRun r = lint(template(30, ", Default: prod")); // decided: one branch, but 30 levels deep
        assertThat(r.out()).contains("t.yaml:14:").contains("error PL002 this value could not be resolved: intrinsic "
                + "functions nested deeper than 64 levels; what it holds is not checked");
        assertThat(r.status()).isEqualTo(ExitStatus.FINDINGS);
    }
}
