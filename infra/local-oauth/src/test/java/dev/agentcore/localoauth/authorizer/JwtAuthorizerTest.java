package dev.agentcore.localoauth.authorizer;

import static dev.agentcore.localoauth.LocalPools.INVOKE;
import static dev.agentcore.localoauth.LocalPools.MACHINE;
import static dev.agentcore.localoauth.LocalPools.MACHINE_SECRET;
import static dev.agentcore.localoauth.LocalPools.MCP;
import static dev.agentcore.localoauth.LocalPools.OTHER_MACHINE;
import static dev.agentcore.localoauth.LocalPools.OTHER_POOL;
import static dev.agentcore.localoauth.LocalPools.OTHER_SECRET;
import static dev.agentcore.localoauth.LocalPools.POOL;
import static dev.agentcore.localoauth.LocalPools.accessClaims;
import static dev.agentcore.localoauth.LocalPools.sign;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.agentcore.localoauth.LocalPools;
import dev.agentcore.localoauth.http.LocalOAuthServer;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tokens from the local token endpoint, checked by the authorizer through real discovery and JWKS fetches on
 * loopback; then each check failing on its own.
 */
class JwtAuthorizerTest {

    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final JsonMapper JSON = JsonMapper.builder().build();
    static LocalOAuthServer server;
    static JwtAuthorizer authorizer;
    static JwtAuthorizerConfig runtime;

    @BeforeAll
    static void start() throws Exception {
        server = LocalOAuthServer.builder(LocalPools.pools()).build().start(0);
        authorizer = JwtAuthorizer.create(UrlRewrite.none());
        // As infra/templates/runtimes.yaml configures mcp_echo: the machine client, the mcp scope.
        runtime = JwtAuthorizerConfig.of(server.discoveryUrl(POOL).toString())
                .withAllowedClients(List.of(MACHINE)).withAllowedScopes(List.of(MCP));
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    static String token(URI tokenEndpoint, String clientId, String secret, String scope) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(tokenEndpoint)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((clientId + ":" + secret)
                        .getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope="
                        + URLEncoder.encode(scope, StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).get("access_token").asString();
    }

    static String machineToken(String scope) throws Exception {
        return token(server.tokenEndpoint(POOL), MACHINE, MACHINE_SECRET, scope);
    }

    static AuthorizationResult check(JwtAuthorizerConfig config, String token) {
        return authorizer.authorize(config, Optional.of("Bearer " + token));
    }

    static AuthorizationResult.Rejected rejected(AuthorizationResult result, Rejection reason) {
        assertThat(result).isInstanceOf(AuthorizationResult.Rejected.class);
        AuthorizationResult.Rejected rejected = (AuthorizationResult.Rejected) result;
        assertThat(rejected.reason()).as(rejected.detail()).isEqualTo(reason);
        assertThat(rejected.answer().status()).isEqualTo(401);
        assertThat(rejected.answer().errorType()).isEqualTo("UnauthorizedException");
        return rejected;
    }

    static RSAKey poolKey() {
        return server.keys().signingKey(POOL);
    }

    static String issuer() {
        return server.issuer(POOL).toString();
    }

    @Test
    void aTokenFromTheLocalEndpointIsAccepted() throws Exception {
        String token = machineToken(MCP);

        AuthorizationResult result = check(runtime, token);

        assertThat(result).isInstanceOf(AuthorizationResult.Accepted.class);
        AuthorizationResult.Accepted accepted = (AuthorizationResult.Accepted) result;
        assertThat(accepted.issuer()).isEqualTo(issuer());
        assertThat(accepted.subject()).isEqualTo(MACHINE);
        assertThat(accepted.clientId()).contains(MACHINE);
        assertThat(accepted.tokenUse()).isEqualTo(TokenUse.ACCESS);
        assertThat(accepted.scopes()).containsExactly(MCP);
        assertThat(accepted.token()).isEqualTo(token);
        assertThat(accepted.claims()).containsEntry("token_use", "access");
        assertThat(accepted.toString()).doesNotContain(token);
    }

    @Test
    void theBearerSchemeIsCaseInsensitiveAndAMissingTokenIsRefused() throws Exception {
        String token = machineToken(MCP);
        assertThat(authorizer.authorize(runtime, Optional.of("bearer " + token)))
                .isInstanceOf(AuthorizationResult.Accepted.class);

        rejected(authorizer.authorize(runtime, Optional.empty()), Rejection.NO_TOKEN);
        rejected(authorizer.authorize(runtime, Optional.of("Basic " + token)), Rejection.NO_TOKEN);
        rejected(authorizer.authorize(runtime, Optional.of("Bearer ")), Rejection.NO_TOKEN);
    }

    @Test
    void notAJwtIsMalformed() {
        rejected(check(runtime, "opaque-token-value-1234567890"), Rejection.MALFORMED_TOKEN);
    }

    @Test
    void anotherIssuerIsRefusedEvenWithTheRightKey() {
        String token = sign(poolKey(), accessClaims("https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Elsewhere",
                MACHINE, MCP, Instant.now().plusSeconds(3600)).build());

        AuthorizationResult.Rejected rejected = rejected(check(runtime, token), Rejection.ISSUER_MISMATCH);

        assertThat(rejected.detail()).contains("us-east-1_Elsewhere").contains(issuer());
        assertThat(rejected.answer().message())
                .isEqualTo("JWT bearer token is invalid or not found for OAuth bearer token based access");
    }

    @Test
    void aTokenOfAnotherPoolIsRefusedEvenWithTheRightClientAndScope() throws Exception {
        // OTHER_POOL's key signed it, and OTHER_POOL's issuer is in it: the runtime trusts POOL only.
        String token = token(server.tokenEndpoint(OTHER_POOL), MACHINE, MACHINE_SECRET, INVOKE);

        rejected(check(runtime.withAllowedScopes(List.of(INVOKE)), token), Rejection.UNKNOWN_KEY);
    }

    @Test
    void anExpiredTokenIsRefusedAfterTheSkew() {
        String expired = sign(poolKey(), accessClaims(issuer(), MACHINE, MCP, Instant.now().minusSeconds(120)).build());
        String justExpired = sign(poolKey(), accessClaims(issuer(), MACHINE, MCP, Instant.now().minusSeconds(5)).build());

        assertThat(rejected(check(runtime, expired), Rejection.EXPIRED).detail()).contains("expired at");
        assertThat(check(runtime, justExpired)).isInstanceOf(AuthorizationResult.Accepted.class);
    }

    @Test
    void aTokenWithoutExpiryIsRefused() {
        String token = sign(poolKey(), accessClaims(issuer(), MACHINE, MCP, Instant.now().plusSeconds(600))
                .expirationTime(null).build());

        rejected(check(runtime, token), Rejection.EXPIRED);
    }

    @Test
    void aTokenNotYetValidIsRefused() {
        String token = sign(poolKey(), accessClaims(issuer(), MACHINE, MCP, Instant.now().plusSeconds(3600))
                .notBeforeTime(Date.from(Instant.now().plusSeconds(300))).build());

        rejected(check(runtime, token), Rejection.NOT_YET_VALID);
    }

    @Test
    void aClientNotInAllowedClientsIsRefusedWithTheClaimNamed() throws Exception {
        String token = token(server.tokenEndpoint(POOL), OTHER_MACHINE, OTHER_SECRET, INVOKE);

        AuthorizationResult.Rejected rejected = rejected(check(runtime.withAllowedScopes(List.of(INVOKE)), token),
                Rejection.CLIENT_MISMATCH);

        assertThat(rejected.answer().message())
                .isEqualTo("OAuth authorization failed: Claim 'client_id' value mismatch with configuration");
        assertThat(rejected.detail()).contains(OTHER_MACHINE).contains(MACHINE);
    }

    @Test
    void aCognitoIdTokenFailsAllowedClientsButPassesAllowedAudience() {
        // An ID token names its client in aud and has no client_id claim.
        JWTClaimsSet idToken = new JWTClaimsSet.Builder().subject("7f3c-user").audience(MACHINE).claim("token_use", "id")
                .issuer(issuer()).expirationTime(Date.from(Instant.now().plusSeconds(600))).issueTime(new Date())
                .claim("cognito:username", "alice").build();
        String token = sign(poolKey(), idToken);

        rejected(check(JwtAuthorizerConfig.of(runtime.discoveryUrl()).withAllowedClients(List.of(MACHINE)), token),
                Rejection.CLIENT_MISMATCH);
        AuthorizationResult byAudience = check(JwtAuthorizerConfig.of(runtime.discoveryUrl())
                .withAllowedAudience(List.of(MACHINE)), token);
        assertThat(byAudience).isInstanceOf(AuthorizationResult.Accepted.class);
        assertThat(((AuthorizationResult.Accepted) byAudience).tokenUse()).isEqualTo(TokenUse.ID);
    }

    @Test
    void allowedAudienceRefusesACognitoAccessTokenWhichHasNoAud() throws Exception {
        AuthorizationResult.Rejected rejected = rejected(check(runtime.withAllowedAudience(List.of("my-api")),
                machineToken(MCP)), Rejection.AUDIENCE_MISMATCH);

        assertThat(rejected.answer().message())
                .isEqualTo("OAuth authorization failed: Claim 'aud' value mismatch with configuration");
    }

    @Test
    void aTokenWithoutAnAllowedScopeIsRefused() throws Exception {
        AuthorizationResult.Rejected rejected = rejected(check(runtime, machineToken(INVOKE)), Rejection.SCOPE_MISMATCH);

        assertThat(rejected.answer().message())
                .isEqualTo("OAuth authorization failed: Claim 'scope' value mismatch with configuration");
    }

    @Test
    void oneAllowedScopeIsEnough() throws Exception {
        // "at least one scope value in the incoming token must match one of the configured values"
        JwtAuthorizerConfig both = runtime.withAllowedScopes(List.of(MCP, "agentcore/admin"));
        assertThat(check(both, machineToken(MCP))).isInstanceOf(AuthorizationResult.Accepted.class);
        assertThat(check(runtime, machineToken(INVOKE + " " + MCP))).isInstanceOf(AuthorizationResult.Accepted.class);
    }

    @Test
    void anScpListCountsAsScopes() {
        String okta = sign(poolKey(), accessClaims(issuer(), MACHINE, null, Instant.now().plusSeconds(600))
                .claim("scp", List.of("profile", MCP)).build());

        assertThat(check(runtime, okta)).isInstanceOf(AuthorizationResult.Accepted.class);
    }

    @Test
    void anUnknownKeyIdIsRefusedAfterOneMoreJwksFetch() throws Exception {
        RSAKey stranger = new RSAKeyGenerator(2048).keyID("not-a-key-of-this-pool").generate();
        String token = sign(stranger, accessClaims(issuer(), MACHINE, MCP, Instant.now().plusSeconds(600)).build());

        assertThat(rejected(check(runtime, token), Rejection.UNKNOWN_KEY).detail()).contains("not-a-key-of-this-pool");
    }

    @Test
    void aRotatedKeyIsFoundByRefetchingTheJwks() throws Exception {
        // Its own pool and server, so that rotating the key disturbs no other test.
        LocalOAuthServer rotating = LocalOAuthServer.builder(LocalPools.pools()).build().start(0);
        try {
            JwtAuthorizer cachingAuthorizer = new JwtAuthorizer(new IssuerMetadataCache(HTTP, UrlRewrite.none(),
                    Clock.systemUTC(), Duration.ofHours(1), Duration.ofSeconds(5)), Clock.systemUTC(), Duration.ZERO);
            JwtAuthorizerConfig config = JwtAuthorizerConfig.of(rotating.discoveryUrl(POOL).toString())
                    .withAllowedClients(List.of(MACHINE));
            String before = token(rotating.tokenEndpoint(POOL), MACHINE, MACHINE_SECRET, MCP);
            assertThat(cachingAuthorizer.authorizeToken(config, before)).isInstanceOf(AuthorizationResult.Accepted.class);

            RSAKey next = rotating.keys().rotate(POOL);
            String after = token(rotating.tokenEndpoint(POOL), MACHINE, MACHINE_SECRET, MCP);

            assertThat(SignedJWT.parse(after).getHeader().getKeyID()).isEqualTo(next.getKeyID());
            assertThat(cachingAuthorizer.authorizeToken(config, after)).isInstanceOf(AuthorizationResult.Accepted.class);
            assertThat(cachingAuthorizer.authorizeToken(config, before)).isInstanceOf(AuthorizationResult.Accepted.class);
        } finally {
            rotating.stop();
        }
    }

    @Test
    void aTamperedPayloadFailsTheSignature() throws Exception {
        String token = machineToken(INVOKE);
        String[] parts = token.split("\\.");
        JWTClaimsSet forged = new JWTClaimsSet.Builder(SignedJWT.parse(token).getJWTClaimsSet()).claim("scope", MCP).build();
        String tampered = parts[0] + "." + Base64URL.encode(forged.toString()) + "." + parts[2];

        rejected(check(runtime, tampered), Rejection.INVALID_SIGNATURE);
    }

    @Test
    void anUnsignedTokenIsRefused() {
        String none = new PlainJWT(accessClaims(issuer(), MACHINE, MCP, Instant.now().plusSeconds(600)).build()).serialize();

        assertThat(rejected(check(runtime, none), Rejection.UNSUPPORTED_ALGORITHM).detail()).contains("alg none");
    }

    @Test
    void anHmacTokenKeyedWithThePublicKeyIsRefused() throws Exception {
        // The algorithm confusion attack: HS256 with the issuer's public key as the shared secret.
        RSAKey published = poolKey().toPublicJWK();
        SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(published.getKeyID()).build(),
                accessClaims(issuer(), MACHINE, MCP, Instant.now().plusSeconds(600)).build());
        forged.sign(new MACSigner(published.toRSAPublicKey().getEncoded()));

        assertThat(rejected(check(runtime, forged.serialize()), Rejection.UNSUPPORTED_ALGORITHM).detail()).contains("HS256");
    }

    @Test
    void anUnreachableDiscoveryUrlRefusesTheToken() throws Exception {
        JwtAuthorizerConfig nowhere = JwtAuthorizerConfig.of("http://127.0.0.1:1/us-east-1_X/.well-known/openid-configuration");

        rejected(check(nowhere, machineToken(MCP)), Rejection.ISSUER_METADATA_UNAVAILABLE);
    }

    @Test
    void customClaimsThatDoNotMatchAreAuthorizationDenied() {
        String token = sign(poolKey(), accessClaims(issuer(), MACHINE, MCP, Instant.now().plusSeconds(600))
                .claim("department", "engineering").claim("cognito:groups", List.of("a2a-card.read", "staff")).build());

        assertThat(check(runtime.withCustomClaims(List.of(CustomClaimRule.equalsString("department", "engineering"),
                CustomClaimRule.arrayContains("cognito:groups", "staff"),
                CustomClaimRule.arrayContainsAny("cognito:groups", List.of("admins", "a2a-card.read")))), token))
                .isInstanceOf(AuthorizationResult.Accepted.class);

        for (CustomClaimRule failing : List.of(CustomClaimRule.equalsString("department", "sales"),
                CustomClaimRule.equalsString("cognito:groups", "staff"),
                CustomClaimRule.arrayContains("cognito:groups", "admins"),
                CustomClaimRule.arrayContainsAny("cognito:groups", List.of("admins", "ops")),
                CustomClaimRule.arrayContains("department", "engineering"),
                CustomClaimRule.equalsString("missing", "x"))) {
            AuthorizationResult.Rejected rejected = rejected(check(runtime.withCustomClaims(List.of(failing)), token),
                    Rejection.CUSTOM_CLAIM_MISMATCH);
            assertThat(rejected.answer().message()).isEqualTo("Authorization denied");
        }
    }

    @Test
    void cognitosOwnIssuerIsFetchedFromTheLocalServerThroughTheRewrite() throws Exception {
        LocalOAuthServer cognitoLike = LocalOAuthServer.builder(LocalPools.pools())
                .issuerBase(dev.agentcore.localoauth.discovery.IssuerBase.awsCognito()).build().start(0);
        try {
            String token = token(cognitoLike.tokenEndpoint(POOL), MACHINE, MACHINE_SECRET, MCP);
            // What infra/templates/runtimes.yaml gives the runtime: Cognito's real discovery URL.
            JwtAuthorizerConfig real = JwtAuthorizerConfig.of(
                    "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_LocalPool1/.well-known/openid-configuration")
                    .withAllowedClients(List.of(MACHINE)).withAllowedScopes(List.of(MCP));

            AuthorizationResult result = JwtAuthorizer.create(cognitoLike.cognitoRewrite()).authorizeToken(real, token);

            assertThat(result).isInstanceOf(AuthorizationResult.Accepted.class);
            assertThat(((AuthorizationResult.Accepted) result).issuer())
                    .isEqualTo("https://cognito-idp.us-east-1.amazonaws.com/us-east-1_LocalPool1");
        } finally {
            cognitoLike.stop();
        }
    }

    @Test
    void theAuthorizationMethodMismatchAnswerIsTheServicesText() {
        HttpAnswer answer = HttpAnswer.authorizationMethodMismatch();

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.headers()).containsEntry("x-amzn-ErrorType", "AccessDeniedException");
        assertThat(answer.message()).startsWith("Authorization method mismatch. The agent is configured for a different "
                + "authorization method than what was used in your request.").endsWith("(OAuth or SigV4)");
    }
}
