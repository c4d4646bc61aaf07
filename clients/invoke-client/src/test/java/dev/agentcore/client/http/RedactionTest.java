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

    @Test
    void textCutsSecretsWhereverTheyAppear() {
        String echoed = "{\"message\":\"bad token: Bearer " + JWT + "\"}";
        assertThat(Redaction.text(echoed)).isEqualTo("{\"message\":\"bad token: Bearer eyJraWQi…(" + JWT.length() + " chars)\"}");
        String unsigned = "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4eHh4eHh4eCJ9.";
        assertThat(Redaction.text("token " + unsigned + " refused")).isEqualTo("token eyJhbGci…(" + unsigned.length() + " chars) refused");
        assertThat(Redaction.text("Authorization: Bearer opaque-0123456789abcdef"))
                .isEqualTo("Authorization: Bearer opaque-0…(23 chars)");
        assertThat(Redaction.text("grant_type=client_credentials&client_secret=s3cr3t-value-0123456789&scope=a"))
                .isEqualTo("grant_type=client_credentials&client_secret=s3cr3t-v…(23 chars)&scope=a");
        assertThat(Redaction.text("{\"PASSWORD\": \"hunter2hunter2\"}")).isEqualTo("{\"PASSWORD\": \"…(14 chars)\"}");
        assertThat(Redaction.text("?X-Amz-Security-Token=IQoJb3JpZ2luX2VjEXAMPLETOKEN&X-Amz-Signature=0123456789abcdef0123"))
                .isEqualTo("?X-Amz-Security-Token=IQoJb3Jp…(28 chars)&X-Amz-Signature=012345…");
        assertThat(Redaction.text("Credential=AKIAIOSFODNN7EXAMPLE/20250101/us-east-1")).isEqualTo("Credential=AKIA…/20250101/us-east-1");
    }

    @Test
    void textLeavesWhatIsNoSecretAndWhatIsAlreadyCutAlone() {
        String claims = "client_id:  4h5j6k7l8m9n0p1q2r3s4t5u6v\ntoken_use:  access\nscope:      agentcore/invoke\n"
                + "AGENTCORE_CLIENT_SECRET=... agentcore-invoke token";
        assertThat(Redaction.text(claims)).isEqualTo(claims);
        String once = Redaction.text("Bearer " + JWT + " and client_secret=abcdefghijklmnopqrstuvwxyz");
        assertThat(Redaction.text(once)).isEqualTo(once);
    }

    @Test
    void knownSecretsAreCutEvenWithoutAPatternAroundThem() {
        assertThat(Redaction.text("the server said: 7f3k9q2m8x1v5b6n4z0p", java.util.List.of("7f3k9q2m8x1v5b6n4z0p")))
                .isEqualTo("the server said: 7f3k9q2m…(20 chars)");
    }
}
