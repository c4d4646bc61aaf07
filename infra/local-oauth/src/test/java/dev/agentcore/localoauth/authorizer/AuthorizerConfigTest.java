package dev.agentcore.localoauth.authorizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentcore.core.state.AuthorizerSettings;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The customJWTAuthorizer as the control plane holds it, and the URLs the authorizer fetches. */
class AuthorizerConfigTest {

    @Test
    void theWireFormIsReadWithItsCustomClaims() {
        JwtAuthorizerConfig config = JwtAuthorizerConfig.fromJson(JsonMapper.builder().build().readTree("""
                {"discoveryUrl":"https://cognito-idp.us-east-1.amazonaws.com/us-east-1_P/.well-known/openid-configuration",
                 "allowedClients":["c1","c2"],"allowedScopes":["agentcore/mcp"],
                 "customClaims":[
                   {"inboundTokenClaimName":"department","inboundTokenClaimValueType":"STRING",
                    "authorizingClaimMatchValue":{"claimMatchValue":{"matchValueString":"eng"},"claimMatchOperator":"EQUALS"}},
                   {"inboundTokenClaimName":"cognito:groups","inboundTokenClaimValueType":"STRING_ARRAY",
                    "authorizingClaimMatchValue":{"claimMatchValue":{"matchValueStringList":["a","b"]},"claimMatchOperator":"CONTAINS_ANY"}}]}
                """));

        assertThat(config.allowedClients()).containsExactly("c1", "c2");
        assertThat(config.allowedAudience()).isEmpty();
        assertThat(config.allowedScopes()).containsExactly("agentcore/mcp");
        assertThat(config.customClaims()).containsExactly(CustomClaimRule.equalsString("department", "eng"),
                CustomClaimRule.arrayContainsAny("cognito:groups", List.of("a", "b")));
    }

    @Test
    void theStateFilesAuthorizerIsAConfig() {
        JwtAuthorizerConfig config = JwtAuthorizerConfig.from(new AuthorizerSettings("https://x/.well-known/openid-configuration",
                List.of("c1"), null, List.of("s")));

        assertThat(config.allowedClients()).containsExactly("c1");
        assertThat(config.allowedScopes()).containsExactly("s");
        assertThat(config.customClaims()).isEmpty();
    }

    @Test
    void operatorsOnlyGoWithTheirValueTypes() {
        assertThatThrownBy(() -> new CustomClaimRule("groups", ClaimValueType.STRING_ARRAY, ClaimMatchOperator.EQUALS,
                Optional.of("x"), List.of())).hasMessageContaining("EQUALS needs inboundTokenClaimValueType STRING");
        assertThatThrownBy(() -> new CustomClaimRule("dept", ClaimValueType.STRING, ClaimMatchOperator.CONTAINS,
                Optional.of("x"), List.of())).hasMessageContaining("CONTAINS needs inboundTokenClaimValueType STRING_ARRAY");
        assertThatThrownBy(() -> new CustomClaimRule("groups", ClaimValueType.STRING_ARRAY, ClaimMatchOperator.CONTAINS_ANY,
                Optional.empty(), List.of())).hasMessageContaining("matchValueStringList");
        assertThatThrownBy(() -> JwtAuthorizerConfig.of(" ")).hasMessageContaining("discoveryUrl is required");
    }

    @Test
    void onlyCognitosHostIsRewritten() {
        UrlRewrite rewrite = UrlRewrite.cognitoTo(URI.create("http://127.0.0.1:9000/cognito/"));

        assertThat(rewrite.apply(URI.create("https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_P/.well-known/jwks.json")))
                .isEqualTo(URI.create("http://127.0.0.1:9000/cognito/eu-west-1_P/.well-known/jwks.json"));
        assertThat(rewrite.apply(URI.create("https://login.example.com/.well-known/openid-configuration")))
                .isEqualTo(URI.create("https://login.example.com/.well-known/openid-configuration"));
        assertThat(rewrite.apply(URI.create("https://cognito-idp.us-east-1.amazonaws.com.evil.example/x")))
                .isEqualTo(URI.create("https://cognito-idp.us-east-1.amazonaws.com.evil.example/x"));
    }

    @Test
    void everyRejectionAnswersAsAgentCore() {
        for (Rejection rejection : Rejection.values()) {
            assertThat(rejection.answer().status()).isEqualTo(401);
            assertThat(rejection.answer().headers()).containsEntry("x-amzn-ErrorType", "UnauthorizedException");
            assertThat(rejection.answer().body()).containsOnlyKeys("message");
        }
        assertThat(Rejection.SCOPE_MISMATCH.answer().message()).contains("Claim 'scope'");
        assertThat(Rejection.CUSTOM_CLAIM_MISMATCH.answer().message()).isEqualTo("Authorization denied");
    }
}
