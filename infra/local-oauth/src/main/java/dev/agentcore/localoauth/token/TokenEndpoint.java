package dev.agentcore.localoauth.token;

import dev.agentcore.localoauth.pool.AppClient;
import dev.agentcore.localoauth.pool.OAuthFlow;
import dev.agentcore.localoauth.pool.PoolUser;
import dev.agentcore.localoauth.pool.UserPool;
import dev.agentcore.localoauth.pool.UserPools;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Cognito's {@code POST /oauth2/token} for one pool, HTTP aside: the form and the Authorization header in, tokens or
 * one of Cognito's errors out.
 *
 * <ul>
 *   <li>{@code client_credentials}: the client authenticated with HTTP Basic ({@code client_secret_basic}) or with
 *       {@code client_id} and {@code client_secret} in the form ({@code client_secret_post}). The requested
 *       {@code scope} (space-separated) must be among the client's resource-server scopes; without one, Cognito
 *       grants all of them.</li>
 *   <li>{@code authorization_code}: a code from /oauth2/authorize, once, within five minutes, by the client it was
 *       issued to, with the same {@code redirect_uri}, and with the {@code code_verifier} whose S256 hash is the
 *       request's {@code code_challenge}. A client with a secret authenticates as above; a public one names itself
 *       with {@code client_id}. Answers id_token (with {@code openid}), access_token, refresh_token.</li>
 *   <li>{@code refresh_token}: new id and access tokens for the same sign-in, the user's attributes and groups read
 *       anew; no new refresh token (Cognito rotates them only when the client asks for rotation).</li>
 * </ul>
 */
public final class TokenEndpoint {

    private final UserPools pools;
    private final AccessTokenIssuer issuer;
    private final UserTokenIssuer userTokens;
    private final AuthorizationCodes codes;
    private final RefreshTokens refreshTokens;

    public TokenEndpoint(UserPools pools, AccessTokenIssuer issuer, UserTokenIssuer userTokens,
                         AuthorizationCodes codes, RefreshTokens refreshTokens) {
        this.pools = pools;
        this.issuer = issuer;
        this.userTokens = userTokens;
        this.codes = codes;
        this.refreshTokens = refreshTokens;
    }

    public TokenOutcome exchange(UserPool pool, Optional<String> authorization, String formBody) {
        Map<String, List<String>> form = parseForm(formBody);
        for (Map.Entry<String, List<String>> parameter : form.entrySet()) {
            if (parameter.getValue().size() > 1) {
                return refuse(TokenError.INVALID_REQUEST, "parameter " + parameter.getKey() + " is repeated");
            }
        }
        String grantName = single(form, "grant_type");
        if (grantName == null || grantName.isEmpty()) {
            return refuse(TokenError.INVALID_REQUEST, "no grant_type");
        }
        Optional<GrantType> grant = GrantType.fromWireName(grantName);
        if (grant.isEmpty()) {
            return refuse(TokenError.UNSUPPORTED_GRANT_TYPE, "grant_type " + grantName + " is not an OAuth grant Cognito serves");
        }

        ClientAuthentication auth;
        try {
            auth = ClientAuthentication.of(authorization, single(form, "client_id"), single(form, "client_secret"));
        } catch (IllegalArgumentException e) {
            return refuse(TokenError.INVALID_CLIENT, e.getMessage());
        }
        if (auth.clientId() == null || auth.clientId().isEmpty()) {
            return refuse(TokenError.INVALID_CLIENT, "no client id (HTTP Basic or client_id in the form)");
        }
        Optional<AppClient> found = pools.client(pool.id(), auth.clientId());
        if (found.isEmpty()) {
            return refuse(TokenError.INVALID_CLIENT, "no app client " + auth.clientId() + " in user pool " + pool.id());
        }
        AppClient client = found.get();

        return switch (grant.get()) {
            case CLIENT_CREDENTIALS -> clientCredentials(client, auth, form);
            case AUTHORIZATION_CODE, REFRESH_TOKEN -> {
                // A public client (no secret) names itself; a confidential one must authenticate.
                if (client.secret().isPresent() && !client.secretMatches(auth.clientSecret())) {
                    yield wrongSecret(client, auth);
                }
                if (!client.mayUse(OAuthFlow.CODE)) {
                    yield refuse(TokenError.UNAUTHORIZED_CLIENT, "app client " + client.clientId() + " may not use "
                            + "the code flow (" + flows(client) + ")");
                }
                yield grant.get() == GrantType.AUTHORIZATION_CODE ? authorizationCode(client, form)
                        : refresh(client, form);
            }
        };
    }

    private TokenOutcome clientCredentials(AppClient client, ClientAuthentication auth, Map<String, List<String>> form) {
        if (client.secret().isEmpty()) {
            return refuse(TokenError.INVALID_CLIENT, "app client " + client.clientId()
                    + " has no secret, and client_credentials needs one");
        }
        if (!client.secretMatches(auth.clientSecret())) {
            return wrongSecret(client, auth);
        }
        if (!client.mayUse(OAuthFlow.CLIENT_CREDENTIALS)) {
            return refuse(TokenError.UNAUTHORIZED_CLIENT, "app client " + client.clientId() + " may not use "
                    + "client_credentials (" + flows(client) + ")");
        }
        List<String> granted = grantedScopes(client, single(form, "scope"));
        if (granted.isEmpty()) {
            return refuse(TokenError.INVALID_SCOPE, scopeReason(client, single(form, "scope")));
        }
        return issuer.issue(client, granted);
    }

    private TokenOutcome authorizationCode(AppClient client, Map<String, List<String>> form) {
        String code = single(form, "code");
        String redirectUri = single(form, "redirect_uri");
        if (code == null || code.isEmpty()) {
            return refuse(TokenError.INVALID_REQUEST, "authorization_code without a code");
        }
        if (redirectUri == null || redirectUri.isEmpty()) {
            return refuse(TokenError.INVALID_REQUEST, "authorization_code without a redirect_uri");
        }
        Optional<AuthorizationCodes.Pending> redeemed = codes.redeem(code);
        if (redeemed.isEmpty()) {
            return refuse(TokenError.INVALID_GRANT, "the code is unknown, used already, or older than "
                    + AuthorizationCodes.LIFETIME.toMinutes() + " minutes");
        }
        AuthorizationCodes.Pending pending = redeemed.get();
        UserGrant grant = pending.grant();
        if (!grant.pool().equals(client.poolId()) || !grant.clientId().equals(client.clientId())) {
            return refuse(TokenError.INVALID_GRANT, "the code was issued to app client " + grant.clientId()
                    + ", not to " + client.clientId());
        }
        if (!pending.redirectUri().equals(redirectUri)) {
            // What Cognito was observed to answer for a redirect_uri that differs from the authorize request's
            // (even by a trailing slash), misleading as it is.
            return refuse(TokenError.UNAUTHORIZED_CLIENT, "redirect_uri " + redirectUri
                    + " is not the one the code was issued for (" + pending.redirectUri() + ")");
        }
        if (pending.codeChallenge().isPresent()) {
            String verifier = single(form, "code_verifier");
            if (verifier == null || verifier.isEmpty()) {
                return refuse(TokenError.INVALID_GRANT, "the code was issued with a PKCE code_challenge and no "
                        + "code_verifier was sent");
            }
            if (!Pkce.matches(verifier, pending.codeChallenge().get())) {
                return refuse(TokenError.INVALID_GRANT, "the code_verifier does not hash (S256) to the code_challenge");
            }
        }
        String refreshToken = refreshTokens.issue(grant.refreshedFor(grant.user()), client.validity().refreshToken());
        return userTokens.issue(client, grant, Optional.of(refreshToken));
    }

    private TokenOutcome refresh(AppClient client, Map<String, List<String>> form) {
        String token = single(form, "refresh_token");
        if (token == null || token.isEmpty()) {
            return refuse(TokenError.INVALID_REQUEST, "refresh_token grant without a refresh_token");
        }
        Optional<UserGrant> found = refreshTokens.grant(token);
        if (found.isEmpty()) {
            return refuse(TokenError.INVALID_GRANT, "the refresh token is unknown or expired");
        }
        UserGrant grant = found.get();
        if (!grant.pool().equals(client.poolId()) || !grant.clientId().equals(client.clientId())) {
            return refuse(TokenError.INVALID_GRANT, "the refresh token was issued to app client " + grant.clientId()
                    + ", not to " + client.clientId());
        }
        Optional<PoolUser> user = pools.user(grant.pool(), grant.user().username());
        if (user.isEmpty() || !user.get().enabled()) {
            return refuse(TokenError.INVALID_GRANT, "user " + grant.user().username()
                    + (user.isEmpty() ? " no longer exists" : " is disabled"));
        }
        return userTokens.issue(client, grant.refreshedFor(user.get()), Optional.empty());
    }

    private static TokenOutcome.Refused wrongSecret(AppClient client, ClientAuthentication auth) {
        return refuse(TokenError.INVALID_CLIENT, auth.clientSecret() == null
                ? "no client secret was sent for " + client.clientId()
                : "the client secret sent for " + client.clientId() + " does not match");
    }

    private static String flows(AppClient client) {
        return "AllowedOAuthFlows " + client.allowedOAuthFlows().stream().map(OAuthFlow::wireName).sorted().toList()
                + (client.oauthEnabled() ? "" : ", AllowedOAuthFlowsUserPoolClient false");
    }

    /** The scopes to put in the token, or none when the request may not have them. */
    private static List<String> grantedScopes(AppClient client, String requested) {
        List<String> allowed = client.resourceServerScopes();
        if (requested == null || requested.isBlank()) {
            return allowed;
        }
        LinkedHashSet<String> asked = new LinkedHashSet<>(List.of(requested.strip().split("\\s+")));
        return allowed.containsAll(asked) ? List.copyOf(asked) : List.of();
    }

    private static String scopeReason(AppClient client, String requested) {
        List<String> allowed = client.resourceServerScopes();
        if (requested == null || requested.isBlank()) {
            return "no scope was requested and app client " + client.clientId() + " has no resource-server scope";
        }
        List<String> refused = new ArrayList<>();
        for (String scope : requested.strip().split("\\s+")) {
            if (!allowed.contains(scope)) {
                refused.add(scope);
            }
        }
        return "scopes " + refused + " are not among app client " + client.clientId() + "'s resource-server scopes " + allowed;
    }

    private static TokenOutcome.Refused refuse(TokenError error, String reason) {
        return new TokenOutcome.Refused(error, reason);
    }

    private static String single(Map<String, List<String>> form, String name) {
        List<String> values = form.get(name);
        return values == null || values.isEmpty() ? null : values.getFirst();
    }

    public static Map<String, List<String>> parseForm(String body) {
        Map<String, List<String>> form = new LinkedHashMap<>();
        if (body == null || body.isEmpty()) {
            return form;
        }
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            form.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return form;
    }

    /** Who the request says it is: HTTP Basic first, the form's client_id and client_secret otherwise. */
    record ClientAuthentication(String clientId, String clientSecret) {

        static ClientAuthentication of(Optional<String> authorization, String formClientId, String formSecret) {
            Optional<String> basic = authorization.map(String::strip)
                    .filter(h -> h.regionMatches(true, 0, "Basic ", 0, 6));
            if (basic.isEmpty()) {
                return new ClientAuthentication(formClientId, formSecret);
            }
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(basic.get().substring(6).strip()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException notBase64) {
                throw new IllegalArgumentException("the HTTP Basic credentials are not Base64");
            }
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException("the HTTP Basic credentials are not client_id:client_secret");
            }
            // Taken as is, not form-decoded (RFC 6749 2.3.1): clients of Cognito, ours included, send the raw values.
            String id = decoded.substring(0, colon);
            String secret = decoded.substring(colon + 1);
            if (formClientId != null && !formClientId.equals(id)) {
                throw new IllegalArgumentException("client_id in the form (" + formClientId
                        + ") differs from the HTTP Basic one (" + id + ")");
            }
            if (formSecret != null && !formSecret.equals(secret)) {
                throw new IllegalArgumentException("client_secret in the form differs from the HTTP Basic one");
            }
            return new ClientAuthentication(id, secret);
        }

        @Override
        public String toString() {
            return "ClientAuthentication[" + clientId + "]";
        }
    }
}
