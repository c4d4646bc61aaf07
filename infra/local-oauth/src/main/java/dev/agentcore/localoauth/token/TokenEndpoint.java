package dev.agentcore.localoauth.token;

import dev.agentcore.localoauth.pool.AppClient;
import dev.agentcore.localoauth.pool.OAuthFlow;
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
 * Cognito's {@code POST /oauth2/token} for one pool, HTTP aside: the form and the Authorization header in, a token or
 * one of Cognito's errors out.
 *
 * <p>Served: {@code grant_type=client_credentials}, the client authenticated with HTTP Basic
 * ({@code client_secret_basic}) or with {@code client_id} and {@code client_secret} in the form
 * ({@code client_secret_post}). The requested {@code scope} (space-separated) must be among the client's
 * resource-server scopes; without one, Cognito grants all of them. Not served: {@code authorization_code} and
 * {@code refresh_token}. This server has no hosted sign-in, so it never issued a code or a refresh token, and the
 * answer is the one Cognito gives for a code or refresh token it does not know, {@code invalid_grant}.
 */
public final class TokenEndpoint {

    private final UserPools pools;
    private final AccessTokenIssuer issuer;

    public TokenEndpoint(UserPools pools, AccessTokenIssuer issuer) {
        this.pools = pools;
        this.issuer = issuer;
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

        if (grant.get() != GrantType.CLIENT_CREDENTIALS) {
            // A public client (no secret) may present a code; a confidential one must authenticate first.
            if (client.secret().isPresent() && !client.secretMatches(auth.clientSecret())) {
                return refuse(TokenError.INVALID_CLIENT, "the client secret of " + client.clientId() + " does not match");
            }
            return refuse(TokenError.INVALID_GRANT, grantName + ": this local server has no hosted sign-in and issued "
                    + "no authorization code or refresh token; use client_credentials");
        }
        if (client.secret().isEmpty()) {
            return refuse(TokenError.INVALID_CLIENT, "app client " + client.clientId()
                    + " has no secret, and client_credentials needs one");
        }
        if (!client.secretMatches(auth.clientSecret())) {
            return refuse(TokenError.INVALID_CLIENT, auth.clientSecret() == null
                    ? "no client secret was sent for " + client.clientId()
                    : "the client secret sent for " + client.clientId() + " does not match");
        }
        if (!client.mayUse(OAuthFlow.CLIENT_CREDENTIALS)) {
            return refuse(TokenError.UNAUTHORIZED_CLIENT, "app client " + client.clientId() + " may not use "
                    + "client_credentials (AllowedOAuthFlows " + client.allowedOAuthFlows().stream().map(OAuthFlow::wireName).toList()
                    + (client.oauthEnabled() ? "" : ", AllowedOAuthFlowsUserPoolClient false") + ")");
        }

        List<String> granted = grantedScopes(client, single(form, "scope"));
        if (granted.isEmpty()) {
            return refuse(TokenError.INVALID_SCOPE, scopeReason(client, single(form, "scope")));
        }
        return issuer.issue(client, granted);
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

    static Map<String, List<String>> parseForm(String body) {
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
