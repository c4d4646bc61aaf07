package dev.agentcore.localoauth.discovery;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The documents Cognito publishes for a pool, with Cognito's member names (and its alphabetical order).
 *
 * <p>Left out on purpose: {@code userinfo_endpoint}, {@code end_session_endpoint} and {@code revocation_endpoint},
 * which Cognito lists for pools with a domain. This server does not serve them, and a client should not be sent to
 * an endpoint that answers 404.
 */
public final class DiscoveryDocuments {

    private DiscoveryDocuments() {
    }

    /**
     * {@code /.well-known/openid-configuration}.
     *
     * @param issuer        the pool's issuer; the JWKS is at {@code issuer + /.well-known/jwks.json}, as on Cognito
     * @param authorizationEndpoint where a browser starts the authorization code grant for the pool
     * @param tokenEndpoint         where this server issues the pool's tokens
     */
    public static Map<String, Object> openIdConfiguration(URI issuer, URI authorizationEndpoint, URI tokenEndpoint) {
        Map<String, Object> doc = new TreeMap<>();
        doc.put("authorization_endpoint", authorizationEndpoint.toString());
        doc.put("id_token_signing_alg_values_supported", List.of("RS256"));
        doc.put("issuer", issuer.toString());
        doc.put("jwks_uri", issuer + "/.well-known/jwks.json");
        doc.put("response_types_supported", List.of("code", "token"));
        doc.put("scopes_supported", List.of("openid", "email", "phone", "profile"));
        doc.put("subject_types_supported", List.of("public"));
        doc.put("token_endpoint", tokenEndpoint.toString());
        doc.put("token_endpoint_auth_methods_supported", List.of("client_secret_basic", "client_secret_post"));
        return doc;
    }

    /** {@code /.well-known/jwks.json}: public keys only, each with Cognito's members alg, e, kid, kty, n, use. */
    public static Map<String, Object> jwks(JWKSet keys) {
        List<Map<String, Object>> published = keys.getKeys().stream().map(JWK::toPublicJWK)
                .map(k -> (Map<String, Object>) new TreeMap<>(k.toJSONObject())).toList();
        return Map.of("keys", published);
    }
}
