package dev.agentcore.core.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import tools.jackson.core.JacksonException;

class PolicyJsonTest {

    @Test
    void singleValuesAndListsAreBothAccepted() {
        PolicyDocument doc = PolicyJson.read("""
                {"Version": "2012-10-17",
                 "Statement": {"Effect": "Allow", "Action": "bedrock-agentcore:InvokeAgentRuntime",
                               "Resource": ["arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/a-0123456789",
                                            "arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/a-0123456789/*"]}}
                """);
        assertThat(doc.version()).isEqualTo("2012-10-17");
        assertThat(doc.statement()).singleElement().satisfies(s -> {
            assertThat(s.effect()).isEqualTo(Effect.Allow);
            assertThat(s.action()).containsExactly("bedrock-agentcore:InvokeAgentRuntime");
            assertThat(s.resource()).hasSize(2);
            assertThat(s.notResource()).isEmpty();
        });
    }

    @Test
    void trustPolicyWithPrincipalAndConditions() {
        PolicyDocument doc = PolicyJson.read("""
                {"Statement": [{"Effect": "Allow", "Principal": {"Service": "bedrock-agentcore.amazonaws.com"},
                  "Action": "sts:AssumeRole",
                  "Condition": {"StringEquals": {"aws:SourceAccount": "123456789012"},
                                "ArnLike": {"aws:SourceArn": ["arn:aws:bedrock-agentcore:us-east-1:123456789012:*"]},
                                "Bool": {"aws:SecureTransport": true}}}]}
                """);
        Statement s = doc.statement().getFirst();
        assertThat(s.principal().services()).containsExactly("bedrock-agentcore.amazonaws.com");
        assertThat(s.principal().everyone()).isFalse();
        assertThat(s.conditionValues("AWS:SourceAccount")).containsExactly("123456789012");
        assertThat(s.conditionValues("aws:SourceArn")).hasSize(1);
        assertThat(s.conditionValues("aws:SecureTransport")).containsExactly("true");
    }

    @Test
    void wildcardPrincipalAndNotElements() {
        PolicyDocument doc = PolicyJson.read("""
                {"Statement": [{"Effect": "Deny", "Principal": "*", "NotAction": ["s3:Get*"], "NotResource": "arn:aws:s3:::b/*"}]}
                """);
        Statement s = doc.statement().getFirst();
        assertThat(s.principal().everyone()).isTrue();
        assertThat(s.coversAction("s3:PutObject")).isTrue();
        assertThat(s.coversAction("s3:GetObject")).isFalse();
        assertThat(s.coversResource("arn:aws:s3:::other/x")).isTrue();
        assertThat(s.coversResource("arn:aws:s3:::b/x")).isFalse();
    }

    @Test
    void allowsAnswersWhetherAnActionCanEverBeAllowed() {
        PolicyDocument doc = PolicyJson.read("""
                {"Statement": [
                  {"Effect": "Allow", "Action": "bedrock-agentcore:GetWorkloadAccessToken*",
                   "Resource": "arn:aws:bedrock-agentcore:*:*:workload-identity-directory/default/workload-identity/mcp_echo-*"},
                  {"Effect": "Deny", "Action": "bedrock-agentcore:GetWorkloadAccessTokenForUserId", "Resource": "*"}]}
                """);
        String wi = "arn:aws:bedrock-agentcore:us-east-1:123456789012:workload-identity-directory/default/workload-identity/mcp_echo-N0geaLEEPE";
        assertThat(doc.allows("bedrock-agentcore:GetWorkloadAccessTokenForJWT", wi)).isTrue();
        assertThat(doc.allows("bedrock-agentcore:getworkloadaccesstokenforjwt", wi)).isTrue();
        assertThat(doc.allows("bedrock-agentcore:GetWorkloadAccessTokenForUserId", wi)).isFalse();
        assertThat(doc.allows("bedrock-agentcore:GetWorkloadAccessTokenForJWT", wi.replace("mcp_echo", "other"))).isFalse();
    }

    @Test
    void malformedPolicyIsReportedWithTheFieldAtFault() {
        assertThatThrownBy(() -> PolicyJson.read("{\"Statement\": [{\"Effect\": \"Maybe\"}]}"))
                .isInstanceOf(JacksonException.class)
                .hasMessageContaining("Maybe")
                .hasMessageContaining("Statement[\"Effect\"]");
        assertThatThrownBy(() -> PolicyJson.read("{\"Statement\": [{\"Principal\": 7}]}"))
                .isInstanceOf(JacksonException.class)
                .hasMessageContaining("Principal must be");
    }
}
