package dev.agentcore.localoauth.pool;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A user pool app client: what DescribeUserPoolClient says about it that the authorize and token endpoints check.
 *
 * @param secret                  the generated client secret; empty for a public client
 * @param oauthEnabled            AllowedOAuthFlowsUserPoolClient: without it the client may use no OAuth flow at all
 * @param allowedOAuthFlows       AllowedOAuthFlows
 * @param allowedOAuthScopes      AllowedOAuthScopes: resource-server scopes ({@code identifier/name}) and OIDC ones
 * @param callbackUrls            CallbackURLs: the redirect_uri values /oauth2/authorize accepts, compared exactly
 * @param validity                the tokens' lifetimes
 */
public record AppClient(UserPoolId poolId, String clientId, Optional<String> secret, boolean oauthEnabled,
                        Set<OAuthFlow> allowedOAuthFlows, List<String> allowedOAuthScopes, List<String> callbackUrls,
                        TokenValidity validity) {

    public static final Duration DEFAULT_ACCESS_TOKEN_VALIDITY = TokenValidity.DEFAULTS.accessToken();

    public AppClient {
        if (clientId == null || clientId.isBlank()) {
            throw new IllegalArgumentException("an app client needs a client id");
        }
        secret = secret == null ? Optional.empty() : secret.filter(s -> !s.isEmpty());
        allowedOAuthFlows = allowedOAuthFlows == null ? Set.of() : Set.copyOf(allowedOAuthFlows);
        allowedOAuthScopes = allowedOAuthScopes == null ? List.of() : List.copyOf(allowedOAuthScopes);
        callbackUrls = callbackUrls == null ? List.of() : List.copyOf(callbackUrls);
        validity = validity == null ? TokenValidity.DEFAULTS : validity;
    }

    /** A machine-to-machine client as infra/templates/cognito.yaml declares one: a secret, client_credentials only. */
    public static AppClient machine(UserPoolId poolId, String clientId, String secret, List<String> scopes) {
        return builder(poolId, clientId).secret(secret).flows(OAuthFlow.CLIENT_CREDENTIALS).scopes(scopes).build();
    }

    /** An app client with OAuth on (AllowedOAuthFlowsUserPoolClient), no flow, no scope and no callback URL yet. */
    public static Builder builder(UserPoolId poolId, String clientId) {
        return new Builder(poolId, clientId);
    }

    public Duration accessTokenValidity() {
        return validity.accessToken();
    }

    public AppClient withAccessTokenValidity(Duration accessTokenValidity) {
        return new AppClient(poolId, clientId, secret, oauthEnabled, allowedOAuthFlows, allowedOAuthScopes,
                callbackUrls, validity.withAccessToken(accessTokenValidity));
    }

    public AppClient withFlows(boolean enabled, Set<OAuthFlow> flows) {
        return new AppClient(poolId, clientId, secret, enabled, flows, allowedOAuthScopes, callbackUrls, validity);
    }

    public boolean mayUse(OAuthFlow flow) {
        return oauthEnabled && allowedOAuthFlows.contains(flow);
    }

    /** Scopes a resource server defines take the form {@code identifier/name}; OIDC scopes have no slash. */
    public List<String> resourceServerScopes() {
        return allowedOAuthScopes.stream().filter(s -> s.contains("/")).toList();
    }

    /** Cognito matches a redirect_uri against CallbackURLs exactly: a trailing slash makes another URL. */
    public boolean hasCallbackUrl(String redirectUri) {
        return redirectUri != null && callbackUrls.contains(redirectUri);
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
                + allowedOAuthFlows + (oauthEnabled ? "" : " (OAuth off)") + ", scopes " + allowedOAuthScopes
                + ", callback URLs " + callbackUrls + "]";
    }

    public static final class Builder {
        private final UserPoolId poolId;
        private final String clientId;
        private Optional<String> secret = Optional.empty();
        private boolean oauthEnabled = true;
        private Set<OAuthFlow> flows = Set.of();
        private List<String> scopes = List.of();
        private List<String> callbackUrls = List.of();
        private TokenValidity validity = TokenValidity.DEFAULTS;

        private Builder(UserPoolId poolId, String clientId) {
            this.poolId = poolId;
            this.clientId = clientId;
        }

        public Builder secret(String secret) {
            this.secret = Optional.ofNullable(secret);
            return this;
        }

        /** AllowedOAuthFlowsUserPoolClient; on unless said otherwise. */
        public Builder oauthEnabled(boolean enabled) {
            this.oauthEnabled = enabled;
            return this;
        }

        public Builder flows(OAuthFlow... flows) {
            this.flows = Set.of(flows);
            return this;
        }

        public Builder scopes(List<String> scopes) {
            this.scopes = scopes;
            return this;
        }

        public Builder callbackUrls(String... urls) {
            this.callbackUrls = List.of(urls);
            return this;
        }

        public Builder validity(TokenValidity validity) {
            this.validity = validity;
            return this;
        }

        public AppClient build() {
            return new AppClient(poolId, clientId, secret, oauthEnabled, flows, scopes, callbackUrls, validity);
        }
    }
}
