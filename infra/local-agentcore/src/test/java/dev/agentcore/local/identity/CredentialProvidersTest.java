package dev.agentcore.local.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import dev.agentcore.core.arn.PrincipalArn;
import dev.agentcore.core.arn.WorkloadIdentityArn;

class CredentialProvidersTest {

    @Test
    void namesFollowTheModelAndSecretsStayOutOfToString() {
        CredentialProviders providers = new CredentialProviders()
                .apiKey("openai-key", "sk-secret-value")
                .oauth2ClientCredentials("github", URI.create("http://127.0.0.1:1/token"), "client", "client-secret");

        assertThat(providers.apiKey("openai-key").orElseThrow().toString()).doesNotContain("sk-secret-value");
        assertThat(providers.oauth2Client("github").orElseThrow().toString()).doesNotContain("client-secret");
        assertThat(providers.apiKey("github")).isEmpty();
        assertThatThrownBy(() -> providers.apiKey("has space", "k"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'has space'");
    }

    @Test
    void tokensAreOpaqueAndExpireAfterTheirLifetime() {
        WorkloadAccessTokens tokens = new WorkloadAccessTokens(Duration.ofMinutes(5));
        WorkloadIdentityArn identity = new WorkloadIdentityArn("aws", "us-east-1", "123456789012", "default", "agent-1");
        PrincipalArn caller = PrincipalArn.parse("arn:aws:iam::123456789012:role/r").orElseThrow();
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

        String token = tokens.issue(identity, new WorkloadUser.None(), caller, now);

        assertThat(token).hasSize(43).doesNotContain("agent-1");
        assertThat(tokens.issue(identity, new WorkloadUser.None(), caller, now)).isNotEqualTo(token);
        assertThat(tokens.lookup(token, now.plus(Duration.ofMinutes(5)).minusMillis(1)))
                .isInstanceOf(WorkloadAccessTokens.Lookup.Valid.class);
        assertThat(tokens.lookup(token, now.plus(Duration.ofMinutes(5))))
                .isInstanceOf(WorkloadAccessTokens.Lookup.Expired.class);
        assertThat(tokens.lookup("x" + token, now)).isInstanceOf(WorkloadAccessTokens.Lookup.Unknown.class);
    }
}
