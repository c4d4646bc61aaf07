package dev.agentcore.localoauth.http;

import static dev.agentcore.localoauth.LocalPools.CODE_ONLY;
import static dev.agentcore.localoauth.LocalPools.CODE_ONLY_SECRET;
import static dev.agentcore.localoauth.LocalPools.DOMAIN;
import static dev.agentcore.localoauth.LocalPools.INVOKE;
import static dev.agentcore.localoauth.LocalPools.MACHINE;
import static dev.agentcore.localoauth.LocalPools.MACHINE_SECRET;
import static dev.agentcore.localoauth.LocalPools.MCP;
import static dev.agentcore.localoauth.LocalPools.OTHER_POOL;
import static dev.agentcore.localoauth.LocalPools.POOL;
import static dev.agentcore.localoauth.LocalPools.SHORT_LIVED;
import static dev.agentcore.localoauth.LocalPools.SHORT_SECRET;
import static dev.agentcore.localoauth.LocalPools.USER_CLIENT;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.agentcore.localoauth.LocalPools;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The token endpoint over real HTTP on loopback, answering as Cognito's /oauth2/token does. */
class TokenEndpointHttpTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static LocalOAuthServer server;

    @BeforeAll
    static void start() throws Exception {
        server = LocalOAuthServer.builder(LocalPools.pools()).build().start(0);
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    static HttpResponse<String> post(URI url, String basicUser, String basicSecret, String form) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(url)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (basicUser != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((basicUser + ":" + basicSecret).getBytes(StandardCharsets.UTF_8)));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> clientCredentials(String clientId, String secret, String scope) throws Exception {
        return post(server.tokenEndpoint(POOL), clientId, secret, "grant_type=client_credentials"
                + (scope == null ? "" : "&scope=" + URLEncoder.encode(scope, StandardCharsets.UTF_8)));
    }

    static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    @Test
    void clientCredentialsWithHttpBasicGivesACognitoAccessToken() throws Exception {
        long before = Instant.now().getEpochSecond();
        HttpResponse<String> response = clientCredentials(MACHINE, MACHINE_SECRET, INVOKE);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        JsonNode body = json(response);
        assertThat(body.propertyNames()).containsExactly("access_token", "expires_in", "token_type");
        assertThat(body.get("expires_in").asLong()).isEqualTo(3600);
        assertThat(body.get("token_type").asString()).isEqualTo("Bearer");

        SignedJWT jwt = SignedJWT.parse(body.get("access_token").asString());
        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        assertThat(jwt.getHeader().getKeyID()).isEqualTo(server.keys().signingKey(POOL).getKeyID());
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertThat(claims.getClaims().keySet()).containsExactlyInAnyOrder("sub", "token_use", "scope", "auth_time", "iss",
                "exp", "iat", "version", "jti", "client_id");
        assertThat(claims.getSubject()).isEqualTo(MACHINE);
        assertThat(claims.getStringClaim("client_id")).isEqualTo(MACHINE);
        assertThat(claims.getStringClaim("token_use")).isEqualTo("access");
        assertThat(claims.getStringClaim("scope")).isEqualTo(INVOKE);
        assertThat(claims.getIssuer()).isEqualTo(server.baseUrl() + "/" + POOL.value());
        assertThat(claims.getLongClaim("version")).isEqualTo(2);
        assertThat(claims.getLongClaim("auth_time")).isBetween(before, before + 5);
        assertThat(claims.getExpirationTime().toInstant().getEpochSecond() - claims.getIssueTime().toInstant().getEpochSecond())
                .isEqualTo(3600);
        assertThat(claims.getAudience()).isEmpty();
        assertThat(claims.getJWTID()).isNotBlank();
    }

    @Test
    void clientCredentialsWithTheSecretInTheFormWorksToo() throws Exception {
        HttpResponse<String> response = post(server.tokenEndpoint(POOL), null, null, "grant_type=client_credentials&client_id="
                + MACHINE + "&client_secret=" + MACHINE_SECRET + "&scope=" + URLEncoder.encode(INVOKE + " " + MCP, StandardCharsets.UTF_8));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(SignedJWT.parse(json(response).get("access_token").asString()).getJWTClaimsSet().getStringClaim("scope"))
                .isEqualTo(INVOKE + " " + MCP);
    }

    @Test
    void withoutAScopeTheClientGetsAllItsResourceServerScopes() throws Exception {
        HttpResponse<String> response = clientCredentials(MACHINE, MACHINE_SECRET, null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(SignedJWT.parse(json(response).get("access_token").asString()).getJWTClaimsSet().getStringClaim("scope"))
                .isEqualTo(INVOKE + " " + MCP);
    }

    @Test
    void theClientsAccessTokenValidityIsHonoured() throws Exception {
        HttpResponse<String> response = clientCredentials(SHORT_LIVED, SHORT_SECRET, INVOKE);

        assertThat(json(response).get("expires_in").asLong()).isEqualTo(300);
        JWTClaimsSet claims = SignedJWT.parse(json(response).get("access_token").asString()).getJWTClaimsSet();
        assertThat(claims.getExpirationTime().getTime() - claims.getIssueTime().getTime()).isEqualTo(300_000);
    }

    @Test
    void theDomainPrefixServesThePoolsTokenEndpoint() throws Exception {
        HttpResponse<String> response = post(URI.create(server.baseUrl() + "/" + DOMAIN + "/oauth2/token"), MACHINE,
                MACHINE_SECRET, "grant_type=client_credentials");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(SignedJWT.parse(json(response).get("access_token").asString()).getJWTClaimsSet().getIssuer())
                .endsWith("/" + POOL.value());
    }

    @Test
    void aWrongSecretIsInvalidClient() throws Exception {
        assertError(clientCredentials(MACHINE, "not-the-secret", INVOKE), "invalid_client");
    }

    @Test
    void anUnknownClientIsInvalidClient() throws Exception {
        assertError(clientCredentials("nosuchclient0000000000000", MACHINE_SECRET, INVOKE), "invalid_client");
    }

    @Test
    void noClientAuthenticationIsInvalidClient() throws Exception {
        assertError(post(server.tokenEndpoint(POOL), null, null, "grant_type=client_credentials"), "invalid_client");
        assertError(post(server.tokenEndpoint(POOL), null, null, "grant_type=client_credentials&client_id=" + MACHINE),
                "invalid_client");
    }

    @Test
    void aPublicClientCannotUseClientCredentials() throws Exception {
        assertError(post(server.tokenEndpoint(POOL), null, null, "grant_type=client_credentials&client_id=" + USER_CLIENT),
                "invalid_client");
    }

    @Test
    void aClientOfAnotherPoolIsUnknownHere() throws Exception {
        // OTHER_MACHINE is a client of POOL only: the pool in the path decides.
        assertThat(clientCredentials(LocalPools.OTHER_MACHINE, LocalPools.OTHER_SECRET, INVOKE).statusCode()).isEqualTo(200);
        assertError(post(server.tokenEndpoint(OTHER_POOL), LocalPools.OTHER_MACHINE, LocalPools.OTHER_SECRET,
                "grant_type=client_credentials"), "invalid_client");
    }

    @Test
    void aScopeTheClientIsNotAllowedIsInvalidScope() throws Exception {
        assertError(clientCredentials(LocalPools.OTHER_MACHINE, LocalPools.OTHER_SECRET, MCP), "invalid_scope");
        assertError(clientCredentials(MACHINE, MACHINE_SECRET, INVOKE + " agentcore/admin"), "invalid_scope");
        // OIDC scopes are for users: never in a client credentials token.
        assertError(clientCredentials(MACHINE, MACHINE_SECRET, "openid"), "invalid_scope");
    }

    @Test
    void aClientWithoutTheClientCredentialsFlowIsUnauthorizedClient() throws Exception {
        assertError(clientCredentials(CODE_ONLY, CODE_ONLY_SECRET, INVOKE), "unauthorized_client");
    }

    @Test
    void grantTypesAreCheckedAsCognitoDoes() throws Exception {
        assertError(post(server.tokenEndpoint(POOL), MACHINE, MACHINE_SECRET, "scope=" + INVOKE), "invalid_request");
        assertError(post(server.tokenEndpoint(POOL), MACHINE, MACHINE_SECRET, "grant_type=password&username=u&password=p"),
                "unsupported_grant_type");
        assertError(post(server.tokenEndpoint(POOL), null, null, "grant_type=authorization_code&client_id=" + USER_CLIENT
                + "&code=made-up&redirect_uri=http%3A%2F%2Flocalhost%2F"), "invalid_grant");
        assertError(post(server.tokenEndpoint(POOL), MACHINE, MACHINE_SECRET,
                "grant_type=client_credentials&grant_type=client_credentials"), "invalid_request");
    }

    @Test
    void onlyAFormPostIsServed() throws Exception {
        HttpResponse<String> get = HTTP.send(HttpRequest.newBuilder(server.tokenEndpoint(POOL)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(get.statusCode()).isEqualTo(405);
        HttpResponse<String> json = HTTP.send(HttpRequest.newBuilder(server.tokenEndpoint(POOL))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(json.statusCode()).isEqualTo(405);
    }

    @Test
    void anUnknownPoolOrDomainIsNotFound() throws Exception {
        HttpResponse<String> response = post(URI.create(server.baseUrl() + "/no-such-domain/oauth2/token"), MACHINE,
                MACHINE_SECRET, "grant_type=client_credentials");
        assertThat(response.statusCode()).isEqualTo(404);
    }

    static void assertError(HttpResponse<String> response, String error) {
        assertThat(response).as("response").isNotNull();
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("{\"error\":\"" + error + "\"}");
    }
}
