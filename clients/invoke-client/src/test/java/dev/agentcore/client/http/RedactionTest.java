package dev.agentcore.client.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedactionTest {

    static final String JWT = "eyJraWQiOiJhYmMiLCJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxMjMifQ.c2lnbmF0dXJlc2lnbmF0dXJl";

    @Test
    void bearerTokensShowOnlyTheirFirstCharacters() {
        assertThat(Redaction.headerValue("Authorization", "Bearer " + JWT))
                .isEqualTo("Bearer eyJraWQi…(" + JWT.length() + " chars)");
    }

    @Test
    void sigV4KeepsItsShapeButNotTheKeyIdOrSignature() {
        String header = "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20250101/us-east-1/bedrock-agentcore/aws4_request, "
                + "SignedHeaders=host;x-amz-date, Signature=fe5f80f77d5fa3beca038a248ff027d0445342fe2855ddc963176630326f1024";
        assertThat(Redaction.headerValue("authorization", header))
                .contains("Credential=AKIA…/", "SignedHeaders=host;x-amz-date", "Signature=fe5f80…")
                .doesNotContain("IOSFODNN7EXAMPLE", "0445342fe2855ddc");
    }

    @Test
    void customHeadersNamedLikeACredentialAreHiddenToo() {
        String prefix = "X-Amzn-Bedrock-AgentCore-Runtime-Custom-";
        assertThat(Redaction.headerValue(prefix + "Authorization", "Bearer " + JWT)).startsWith("Bearer eyJraWQi…(");
        assertThat(Redaction.headerValue(prefix + "Api-Key", "sk-0123456789abcdefghij")).isEqualTo("sk-01234…(23 chars)");
        assertThat(Redaction.headerValue(prefix + "GitHub-Token", "ghp_short")).isEqualTo("…(9 chars)");
    }

    @Test
    void otherHeadersArePrintedAsSent() {
        assertThat(Redaction.headerValue("X-Amzn-Bedrock-AgentCore-Runtime-Custom-Tenant", "acme")).isEqualTo("acme");
        assertThat(Redaction.headerValue("X-Amzn-Bedrock-AgentCore-Runtime-Session-Id", "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0"))
                .isEqualTo("0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0");
    }
}
