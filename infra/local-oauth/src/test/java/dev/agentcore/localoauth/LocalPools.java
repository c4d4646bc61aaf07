package dev.agentcore.localoauth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.agentcore.localoauth.pool.AppClient;
import dev.agentcore.localoauth.pool.InMemoryUserPools;
import dev.agentcore.localoauth.pool.OAuthFlow;
import dev.agentcore.localoauth.pool.PoolUser;
import dev.agentcore.localoauth.pool.UserPool;
import dev.agentcore.localoauth.pool.UserPoolId;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

/** The pools and clients the tests share, shaped like infra/templates/cognito.yaml's. */
public final class LocalPools {

    public static final UserPoolId POOL = UserPoolId.of("us-east-1_LocalPool1");
    public static final UserPoolId OTHER_POOL = UserPoolId.of("eu-west-1_OtherPool2");
    public static final String DOMAIN = "agentcore-123456789012";

    public static final String MACHINE = "4h5j6k7l8m9n0p1q2r3s4t5u6v";
    public static final String MACHINE_SECRET = "s3cr3t0fth3m4ch1n3cl13nt4ndn0b0dy3ls3";
    public static final String OTHER_MACHINE = "7z8y9x0w1v2u3t4s5r6q7p8o9n";
    public static final String OTHER_SECRET = "an0th3rs3cr3tf0r4n0th3rcl13nt";
    public static final String USER_CLIENT = "1a2b3c4d5e6f7g8h9i0j1k2l3m";
    public static final String CODE_ONLY = "9q8w7e6r5t4y3u2i1o0p9a8s7d";
    public static final String CODE_ONLY_SECRET = "c0d30nlycl13nth4s4s3cr3tt00";
    public static final String SHORT_LIVED = "5m1n7t3sv4l1d1ty0fth3t0k3n";
    public static final String SHORT_SECRET = "sh0rtl1v3ds3cr3tv4lu3f0rt3sts";

    public static final String CALLBACK = "http://localhost:8765/callback";
    public static final String USER = "alice";
    public static final String USER_SUB = "8f3c2a1e-0b4d-4e6f-9a7b-1c2d3e4f5a6b";
    public static final String USER_PASSWORD = "Passw0rd!local";

    public static final String INVOKE = "agentcore/invoke";
    public static final String MCP = "agentcore/mcp";

    private LocalPools() {
    }

    public static InMemoryUserPools pools() {
        return new InMemoryUserPools()
                .add(UserPool.withDomain(POOL, DOMAIN))
                .add(AppClient.machine(POOL, MACHINE, MACHINE_SECRET, List.of(INVOKE, MCP)))
                .add(AppClient.machine(POOL, OTHER_MACHINE, OTHER_SECRET, List.of(INVOKE)))
                .add(AppClient.builder(POOL, USER_CLIENT).flows(OAuthFlow.CODE)
                        .scopes(List.of("openid", "email", INVOKE, MCP)).callbackUrls(CALLBACK).build())
                .add(AppClient.builder(POOL, CODE_ONLY).secret(CODE_ONLY_SECRET).flows(OAuthFlow.CODE)
                        .scopes(List.of(INVOKE)).callbackUrls(CALLBACK).build())
                .addUser(POOL, new PoolUser(USER, Map.of("sub", USER_SUB, "email", "alice@example.com",
                        "email_verified", "true"), List.of("admins"), true), USER_PASSWORD)
                .add(AppClient.machine(POOL, SHORT_LIVED, SHORT_SECRET, List.of(INVOKE))
                        .withAccessTokenValidity(Duration.ofMinutes(5)))
                .add(AppClient.machine(OTHER_POOL, MACHINE, MACHINE_SECRET, List.of(INVOKE)));
    }

    /** The claims Cognito puts in a client credentials access token, for tests that then change one. */
    public static JWTClaimsSet.Builder accessClaims(String issuer, String clientId, String scope, Instant expires) {
        Instant iat = expires.minus(Duration.ofHours(1));
        return new JWTClaimsSet.Builder().subject(clientId).claim("token_use", "access").claim("scope", scope)
                .claim("auth_time", iat.getEpochSecond()).issuer(issuer).expirationTime(Date.from(expires))
                .issueTime(Date.from(iat)).claim("version", 2).jwtID("jti-" + expires.toEpochMilli())
                .claim("client_id", clientId);
    }

    public static String sign(RSAKey key, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
