package dev.agentcore.localoauth.pool;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A user pool app client: what DescribeUserPoolClient says about it that the token endpoint checks.
 *
 * @param secret                  the generated client secret; empty for a public client
 * @param oauthEnabled            AllowedOAuthFlowsUserPoolClient: without it the client may use no OAuth flow at all
 * @param allowedOAuthFlows       AllowedOAuthFlows
 * @param allowedOAuthScopes      AllowedOAuthScopes: resource-server scopes ({@code identifier/name}) and OIDC ones
 * @param accessTokenValidity     AccessTokenValidity in its TokenValidityUnits (Cognito's default: 60 minutes)
 */
public record AppClient(UserPoolId poolId, String clientId, Optional<String> secret, boolean oauthEnabled,
                        Set<OAuthFlow> allowedOAuthFlows, List<String> allowedOAuthScopes,
                        Duration accessTokenValidity) {

    public static final Duration DEFAULT_ACCESS_TOKEN_VALIDITY = Duration.ofMinutes(60);

    public AppClient {
        if (clientId == null || clientId.isBlank()) {
            throw new IllegalArgumentException("an app client needs a client id");
        }
        secret = secret == null ? Optional.empty() : secret.filter(s -> !s.isEmpty());
        allowedOAuthFlows = allowedOAuthFlows == null ? Set.of() : Set.copyOf(allowedOAuthFlows);
        allowedOAuthScopes = allowedOAuthScopes == null ? List.of() : List.copyOf(allowedOAuthScopes);
        accessTokenValidity = accessTokenValidity == null ? DEFAULT_ACCESS_TOKEN_VALIDITY : accessTokenValidity;
    }

    /** A machine-to-machine client as infra/templates/cognito.yaml declares one: a secret, client_credentials only. */
    public static AppClient machine(UserPoolId poolId, String clientId, String secret, List<String> scopes) {
        return new AppClient(poolId, clientId, Optional.of(secret), true, Set.of(OAuthFlow.CLIENT_CREDENTIALS), scopes,
                DEFAULT_ACCESS_TOKEN_VALIDITY);
    }

    public AppClient withAccessTokenValidity(Duration validity) {
        return new AppClient(poolId, clientId, secret, oauthEnabled, allowedOAuthFlows, allowedOAuthScopes, validity);
    }

    public AppClient withFlows(boolean enabled, Set<OAuthFlow> flows) {
        return new AppClient(poolId, clientId, secret, enabled, flows, allowedOAuthScopes, accessTokenValidity);
    }

    public boolean mayUse(OAuthFlow flow) {
        return oauthEnabled && allowedOAuthFlows.contains(flow);
    }

    /** Scopes a resource server defines take the form {@code identifier/name}; OIDC scopes have no slash. */
    public List<String> resourceServerScopes() {
        return allowedOAuthScopes.stream().filter(s -> s.contains("/")).toList();
    }

    /** Compares in constant time, so that the endpoint does not tell how much of a guess was right. */
    public boolean secretMatches(String candidate) {
        return secret.isPresent() && candidate != null && MessageDigest.isEqual(
                secret.get().getBytes(StandardCharsets.UTF_8), candidate.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        // Never the secret.
        return "AppClient[" + poolId + "/" + clientId + ", secret " + (secret.isPresent() ? "set" : "none") + ", flows "
                + allowedOAuthFlows + (oauthEnabled ? "" : " (OAuth off)") + ", scopes " + allowedOAuthScopes + "]";
    }
}
