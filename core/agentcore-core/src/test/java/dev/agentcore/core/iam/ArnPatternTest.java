package dev.agentcore.core.iam;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ArnPatternTest {

    static final String WI = "arn:aws:bedrock-agentcore:us-east-1:123456789012:workload-identity-directory/default/workload-identity/mcp_echo-N0geaLEEPE";

    @Test
    void wildcardsMatchWithinTheResourceComponent() {
        assertThat(ArnPattern.of("arn:aws:bedrock-agentcore:*:*:workload-identity-directory/default/workload-identity/*").matches(WI)).isTrue();
        assertThat(ArnPattern.of("arn:aws:bedrock-agentcore:us-east-1:123456789012:workload-identity-directory/default/workload-identity/mcp_echo-*").matches(WI)).isTrue();
        assertThat(ArnPattern.of("arn:aws:bedrock-agentcore:us-east-1:123456789012:workload-identity-directory/default/workload-identity/agentName-*").matches(WI)).isFalse();
        assertThat(ArnPattern.of("arn:aws:bedrock-agentcore:us-east-1:123456789012:*").matches(WI)).isTrue();
        assertThat(ArnPattern.of("*").matches(WI)).isTrue();
    }

    @Test
    void aWildcardNeverSpansTheColonBetweenComponents() {
        assertThat(ArnPattern.of("arn:aws:bedrock-agentcore:*").matches(WI)).isFalse();
        assertThat(ArnPattern.of("arn:aws:bedrock-agentcore:us-*:123456789012:*").matches(WI)).isTrue();
        assertThat(ArnPattern.of("arn:aws:bedrock-agentcore:us-east-1:1234567890*:*").matches(WI)).isTrue();
        assertThat(ArnPattern.of("arn:aws:bedrock-agentcore:eu-west-1:*:*").matches(WI)).isFalse();
    }

    @Test
    void theResourceComponentKeepsItsColons() {
        assertThat(ArnPattern.of("arn:aws:logs:us-east-1:123456789012:log-group:/aws/bedrock-agentcore/runtimes/*:log-stream:*")
                .matches("arn:aws:logs:us-east-1:123456789012:log-group:/aws/bedrock-agentcore/runtimes/a-1:log-stream:x"))
                .isTrue();
    }

    @Test
    void questionMarkIsExactlyOneCharacter() {
        assertThat(new Glob("a?c").matches("abc")).isTrue();
        assertThat(new Glob("a?c").matches("ac")).isFalse();
        assertThat(new Glob("*?").matches("")).isFalse();
        assertThat(new Glob("**a").matches("bba")).isTrue();
    }
}
