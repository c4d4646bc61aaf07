package dev.agentcore.localoauth.authorize;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.agentcore.localoauth.authorizer.AuthorizationResult;
import dev.agentcore.localoauth.authorizer.JwtAuthorizer;
import dev.agentcore.localoauth.authorizer.JwtAuthorizerConfig;
import dev.agentcore.localoauth.http.LocalOAuthServer;
import dev.agentcore.localoauth.pool.CognitoUserPools;
import dev.agentcore.localoauth.pool.UserPoolId;
import dev.agentcore.localoauth.token.Pkce;
import dev.agentcore.testing.MotoServer;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.OAuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The authorization code grant with PKCE, end to end over HTTP on loopback, against moto's Cognito: a pool, a user
 * with a permanent password in a group, app clients with the code flow. The browser is java.net.http with redirects
 * followed by hand; the tokens are verified with Nimbus against the pool's JWKS.
 */
class AuthorizationCodeMotoTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    static final String CALLBACK = "http://localhost:8765/callback";
    static final String USER = "alice";
    static final String PASSWORD = "Corr3ct-Horse!";
    static final String TEMPORARY_USER = "bob";
    static final String DOMAIN = "local-users";

    static MotoServer moto;
    static CognitoIdentityProviderClient cognito;
    static LocalOAuthServer server;
    static UserPoolId pool;
    static String publicClient;
    static String confidentialClient;
    static String confidentialSecret;
    static String machineClient;
    static String machineSecret;

    @BeforeAll
    static void start() throws Exception {
        moto = MotoServer.start();
        cognito = CognitoIdentityProviderClient.builder().endpointOverride(moto.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create()).build();
        pool = UserPoolId.of(cognito.createUserPool(r -> r.poolName("users")).userPool().id());
        cognito.createUserPoolDomain(r -> r.userPoolId(pool.value()).domain(DOMAIN));
        cognito.createResourceServer(r -> r.userPoolId(pool.value()).identifier("agentcore").name("agentcore")
                .scopes(s -> s.scopeName("invoke").scopeDescription("invoke runtimes")));
        cognito.adminCreateUser(r -> r.userPoolId(pool.value()).username(USER).messageAction("SUPPRESS")
                .userAttributes(AttributeType.builder().name("email").value("alice@example.com").build(),
                        AttributeType.builder().name("email_verified").value("true").build()));
        cognito.adminSetUserPassword(r -> r.userPoolId(pool.value()).username(USER).password(PASSWORD).permanent(true));
        cognito.createGroup(r -> r.userPoolId(pool.value()).groupName("admins"));
        cognito.adminAddUserToGroup(r -> r.userPoolId(pool.value()).username(USER).groupName("admins"));
        cognito.adminCreateUser(r -> r.userPoolId(pool.value()).username(TEMPORARY_USER).messageAction("SUPPRESS")
                .temporaryPassword(PASSWORD));

        publicClient = codeClient("web", false).clientId();
        UserPoolClientType confidential = codeClient("backend", true);
        confidentialClient = confidential.clientId();
        confidentialSecret = confidential.clientSecret();
        UserPoolClientType machine = cognito.createUserPoolClient(r -> r.userPoolId(pool.value()).clientName("m2m")
                .generateSecret(true).allowedOAuthFlowsUserPoolClient(true)
                .allowedOAuthFlows(OAuthFlowType.CLIENT_CREDENTIALS).allowedOAuthScopes("agentcore/invoke")
                .callbackURLs(CALLBACK)).userPoolClient();
        machineClient = machine.clientId();
        machineSecret = machine.clientSecret();

        server = LocalOAuthServer.builder(new CognitoUserPools(cognito)).build().start(0);
    }

    static UserPoolClientType codeClient(String name, boolean secret) {
        return cognito.createUserPoolClient(r -> r.userPoolId(pool.value()).clientName(name).generateSecret(secret)
                .allowedOAuthFlowsUserPoolClient(true).allowedOAuthFlows(OAuthFlowType.CODE)
                .allowedOAuthScopes("openid", "email", "agentcore/invoke").callbackURLs(CALLBACK)).userPoolClient();
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.stop();
        }
        if (cognito != null) {
            cognito.close();
        }
        if (moto != null) {
            moto.close();
        }
    }

    // --- the browser and the app, by hand ---

    static Map<String, String> authorizeQuery(String clientId, String verifier) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", clientId);
        query.put("redirect_uri", CALLBACK);
        query.put("scope", "openid email agentcore/invoke");
        query.put("state", "st-" + UUID.randomUUID());
        query.put("nonce", "n-0S6_WzA2Mj");
        if (verifier != null) {
            query.put("code_challenge", Pkce.challenge(verifier));
            query.put("code_challenge_method", "S256");
        }
        return query;
    }

    static String encode(Map<String, String> parameters) {
        StringBuilder out = new StringBuilder();
        parameters.forEach((k, v) -> out.append(out.isEmpty() ? "" : "&").append(k).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return out.toString();
    }

    static Map<String, String> query(URI uri) {
        Map<String, String> out = new LinkedHashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                int eq = pair.indexOf('=');
                out.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    static HttpResponse<String> get(URI url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(url).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> postForm(URI url, Optional<String> basic, String form) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        basic.ifPresent(b -> request.header("Authorization", "Basic "
                + Base64.getEncoder().encodeToString(b.getBytes(StandardCharsets.UTF_8))));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static URI location(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
        return URI.create(response.headers().firstValue("Location").orElseThrow());
    }

    /** GET /oauth2/authorize, follow to the sign-in page, post the form; the answer's Location. */
    static HttpResponse<String> signIn(Map<String, String> authorize, String username, String password) throws Exception {
        URI login = location(get(URI.create(server.authorizationEndpoint(pool) + "?" + encode(authorize))));
        HttpResponse<String> page = get(login);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(page.body()).contains("<form method=\"post\"").doesNotContain("<script");
        return postForm(login, Optional.empty(), encode(Map.of("username", username, "password", password)));
    }

    static String code(Map<String, String> authorize, String clientSecret) throws Exception {
        URI back = location(signIn(authorize, USER, PASSWORD));
        assertThat(back.toString()).startsWith(CALLBACK + "?");
        Map<String, String> answer = query(back);
        assertThat(answer.get("state")).isEqualTo(authorize.get("state"));
        return answer.get("code");
    }

    static HttpResponse<String> exchange(String clientId, String code, String redirectUri, String verifier,
                                         Optional<String> basic) throws Exception {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        if (basic.isEmpty()) {
            form.put("client_id", clientId);
        }
        form.put("code", code);
        form.put("redirect_uri", redirectUri);
        if (verifier != null) {
            form.put("code_verifier", verifier);
        }
        return postForm(server.tokenEndpoint(pool), basic, encode(form));
    }

    static HttpResponse<String> refresh(String clientId, String refreshToken) throws Exception {
        return postForm(server.tokenEndpoint(pool), Optional.empty(),
                encode(Map.of("grant_type", "refresh_token", "client_id", clientId, "refresh_token", refreshToken)));
    }

    static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    static String error(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(json(response).propertyNames()).containsExactly("error");
        return json(response).get("error").asString();
    }

    static JWTClaimsSet verify(String token) throws Exception {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256,
                JWKSourceBuilder.create(URI.create(server.issuer(pool) + "/.well-known/jwks.json").toURL()).build()));
        return processor.process(token, null);
    }

    static String verifier() {
        return UUID.randomUUID() + "-" + UUID.randomUUID();
    }

    // --- the flow ---

    @Test
    void aUserSignsInWithPkceAndGetsCognitosTokensThenRefreshesThem() throws Exception {
        String verifier = verifier();
        Map<String, String> authorize = authorizeQuery(publicClient, verifier);
        long before = Instant.now().getEpochSecond();
        String code = code(authorize, null);

        HttpResponse<String> tokens = exchange(publicClient, code, CALLBACK, verifier, Optional.empty());

        assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
        JsonNode body = json(tokens);
        assertThat(body.propertyNames()).containsExactly("id_token", "access_token", "refresh_token", "expires_in",
                "token_type");
        assertThat(body.get("expires_in").asLong()).isEqualTo(3600);
        assertThat(body.get("token_type").asString()).isEqualTo("Bearer");

        String sub = cognito.adminGetUser(r -> r.userPoolId(pool.value()).username(USER)).userAttributes().stream()
                .filter(a -> a.name().equals("sub")).findFirst().orElseThrow().value();
        JWTClaimsSet access = verify(body.get("access_token").asString());
        assertThat(access.getClaims().keySet()).containsExactlyInAnyOrder("sub", "cognito:groups", "iss", "version",
                "client_id", "origin_jti", "event_id", "token_use", "scope", "auth_time", "exp", "iat", "jti", "username");
        assertThat(access.getSubject()).isEqualTo(sub);
        assertThat(access.getStringClaim("token_use")).isEqualTo("access");
        assertThat(access.getStringClaim("client_id")).isEqualTo(publicClient);
        assertThat(access.getStringClaim("username")).isEqualTo(USER);
        assertThat(access.getStringClaim("scope")).isEqualTo("openid email agentcore/invoke");
        assertThat(access.getStringListClaim("cognito:groups")).containsExactly("admins");
        assertThat(access.getAudience()).isEmpty();
        assertThat(access.getIssuer()).isEqualTo(server.issuer(pool).toString());
        assertThat(access.getLongClaim("auth_time")).isBetween(before, Instant.now().getEpochSecond());

        JWTClaimsSet id = verify(body.get("id_token").asString());
        assertThat(id.getStringClaim("token_use")).isEqualTo("id");
        assertThat(id.getAudience()).containsExactly(publicClient);
        assertThat(id.getClaim("client_id")).isNull();
        assertThat(id.getSubject()).isEqualTo(sub);
        assertThat(id.getStringClaim("cognito:username")).isEqualTo(USER);
        assertThat(id.getStringClaim("email")).isEqualTo("alice@example.com");
        assertThat(id.getBooleanClaim("email_verified")).isTrue();
        assertThat(id.getStringClaim("nonce")).isEqualTo(authorize.get("nonce"));
        assertThat(id.getStringClaim("at_hash")).isNotBlank();
        assertThat(id.getStringClaim("origin_jti")).isEqualTo(access.getStringClaim("origin_jti"));
        assertThat(id.getLongClaim("auth_time")).isEqualTo(access.getLongClaim("auth_time"));

        // The code was for one use.
        assertThat(error(exchange(publicClient, code, CALLBACK, verifier, Optional.empty()))).isEqualTo("invalid_grant");

        HttpResponse<String> refreshed = refresh(publicClient, body.get("refresh_token").asString());
        assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
        JsonNode again = json(refreshed);
        assertThat(again.propertyNames()).containsExactly("id_token", "access_token", "expires_in", "token_type");
        JWTClaimsSet refreshedAccess = verify(again.get("access_token").asString());
        assertThat(refreshedAccess.getJWTID()).isNotEqualTo(access.getJWTID());
        assertThat(refreshedAccess.getStringClaim("origin_jti")).isEqualTo(access.getStringClaim("origin_jti"));
        assertThat(refreshedAccess.getLongClaim("auth_time")).isEqualTo(access.getLongClaim("auth_time"));
        assertThat(verify(again.get("id_token").asString()).getClaim("nonce")).isNull();
    }

    @Test
    void thePoolsDomainPrefixServesTheSameFlow() throws Exception {
        String verifier = verifier();
        Map<String, String> authorize = authorizeQuery(publicClient, verifier);
        URI domain = URI.create(server.baseUrl() + "/" + DOMAIN);

        URI login = location(get(URI.create(domain + "/oauth2/authorize?" + encode(authorize))));
        assertThat(login.toString()).startsWith(domain + "/login?");
        String code = query(location(postForm(login, Optional.empty(),
                encode(Map.of("username", USER, "password", PASSWORD))))).get("code");
        HttpResponse<String> tokens = postForm(URI.create(domain + "/oauth2/token"), Optional.empty(),
                encode(Map.of("grant_type", "authorization_code", "client_id", publicClient, "code", code,
                        "redirect_uri", CALLBACK, "code_verifier", verifier)));

        assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
    }

    @Test
    void theLocalJwtAuthorizerAcceptsTheUsersTokens() throws Exception {
        String verifier = verifier();
        JsonNode body = json(exchange(publicClient, code(authorizeQuery(publicClient, verifier), null), CALLBACK,
                verifier, Optional.empty()));
        JwtAuthorizer authorizer = JwtAuthorizer.create(server.cognitoRewrite());
        String discovery = server.discoveryUrl(pool).toString();

        JwtAuthorizerConfig byClient = JwtAuthorizerConfig.fromJson(JSON.readTree("""
                {"discoveryUrl": "%s", "allowedClients": ["%s"], "allowedScopes": ["agentcore/invoke"]}"""
                .formatted(discovery, publicClient)));
        JwtAuthorizerConfig byAudience = JwtAuthorizerConfig.fromJson(JSON.readTree("""
                {"discoveryUrl": "%s", "allowedAudience": ["%s"]}""".formatted(discovery, publicClient)));

        assertThat(authorizer.authorize(byClient, Optional.of("Bearer " + body.get("access_token").asString())))
                .isInstanceOf(AuthorizationResult.Accepted.class);
        assertThat(authorizer.authorize(byAudience, Optional.of("Bearer " + body.get("id_token").asString())))
                .isInstanceOf(AuthorizationResult.Accepted.class);
    }

    @Test
    void aConfidentialClientAuthenticatesWithItsSecretAndWithoutPkce() throws Exception {
        String code = code(authorizeQuery(confidentialClient, null), confidentialSecret);
        assertThat(error(exchange(confidentialClient, code, CALLBACK, null, Optional.empty()))).isEqualTo("invalid_client");

        String another = code(authorizeQuery(confidentialClient, null), confidentialSecret);
        HttpResponse<String> tokens = exchange(confidentialClient, another, CALLBACK, null,
                Optional.of(confidentialClient + ":" + confidentialSecret));
        assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);

        String refreshToken = json(tokens).get("refresh_token").asString();
        // Another client cannot use it, and the owner must authenticate to.
        assertThat(error(refresh(publicClient, refreshToken))).isEqualTo("invalid_grant");
        assertThat(error(refresh(confidentialClient, refreshToken))).isEqualTo("invalid_client");
    }

    @Test
    void theTokenEndpointRefusesAsCognitoDoes() throws Exception {
        String verifier = verifier();
        String wrongVerifier = code(authorizeQuery(publicClient, verifier), null);
        assertThat(error(exchange(publicClient, wrongVerifier, CALLBACK, verifier(), Optional.empty())))
                .isEqualTo("invalid_grant");
        String noVerifier = code(authorizeQuery(publicClient, verifier), null);
        assertThat(error(exchange(publicClient, noVerifier, CALLBACK, null, Optional.empty()))).isEqualTo("invalid_grant");
        String otherRedirect = code(authorizeQuery(publicClient, verifier), null);
        assertThat(error(exchange(publicClient, otherRedirect, CALLBACK + "/", verifier, Optional.empty())))
                .isEqualTo("unauthorized_client");
        String othersCode = code(authorizeQuery(publicClient, verifier), null);
        assertThat(error(exchange(confidentialClient, othersCode, CALLBACK, verifier,
                Optional.of(confidentialClient + ":" + confidentialSecret)))).isEqualTo("invalid_grant");
        assertThat(error(postForm(server.tokenEndpoint(pool), Optional.of(machineClient + ":" + machineSecret),
                "grant_type=authorization_code&code=x&redirect_uri=" + CALLBACK))).isEqualTo("unauthorized_client");
        assertThat(error(postForm(server.tokenEndpoint(pool), Optional.empty(),
                "grant_type=refresh_token&client_id=" + publicClient))).isEqualTo("invalid_request");
        assertThat(error(postForm(server.tokenEndpoint(pool), Optional.empty(),
                "grant_type=authorization_code&client_id=" + publicClient + "&redirect_uri=" + CALLBACK)))
                .isEqualTo("invalid_request");
        assertThat(error(refresh(publicClient, "not-a-refresh-token"))).isEqualTo("invalid_grant");
    }

    @Test
    void theAuthorizeEndpointSendsErrorsWhereCognitoDoes() throws Exception {
        Map<String, String> good = authorizeQuery(publicClient, verifier());

        Map<String, String> badRedirect = new LinkedHashMap<>(good);
        badRedirect.put("redirect_uri", "http://localhost:8765/elsewhere");
        URI errorPage = location(get(URI.create(server.authorizationEndpoint(pool) + "?" + encode(badRedirect))));
        assertThat(errorPage.getPath()).endsWith("/" + pool.value() + "/error");
        assertThat(query(errorPage)).containsExactly(Map.entry("error", "redirect_mismatch"),
                Map.entry("client_id", publicClient));
        assertThat(get(errorPage).statusCode()).isEqualTo(400);

        Map<String, String> unknownClient = new LinkedHashMap<>(good);
        unknownClient.put("client_id", "nosuchclient0000000000000");
        assertThat(query(location(get(URI.create(server.authorizationEndpoint(pool) + "?" + encode(unknownClient))))))
                .containsEntry("error", "invalid_request");

        assertThat(backToApp(good, "code_challenge_method", "plain")).isEqualTo("invalid_request");
        assertThat(backToApp(good, "code_challenge_method", null)).isEqualTo("invalid_request");
        assertThat(backToApp(good, "response_type", null)).isEqualTo("invalid_request");
        assertThat(backToApp(good, "response_type", "id_token")).isEqualTo("unsupported_response_type");
        assertThat(backToApp(good, "scope", "openid agentcore/admin")).isEqualTo("invalid_scope");
        assertThat(backToApp(good, "scope", "email")).isEqualTo("invalid_scope");

        Map<String, String> machine = authorizeQuery(machineClient, null);
        URI refused = location(get(URI.create(server.authorizationEndpoint(pool) + "?" + encode(machine))));
        assertThat(query(refused)).containsExactly(Map.entry("error", "unauthorized_client"),
                Map.entry("state", machine.get("state")));
    }

    /** The error that comes back to the redirect_uri with one parameter changed (null: left out). */
    static String backToApp(Map<String, String> good, String parameter, String value) throws Exception {
        Map<String, String> changed = new LinkedHashMap<>(good);
        if (value == null) {
            changed.remove(parameter);
        } else {
            changed.put(parameter, value);
        }
        URI back = location(get(URI.create(server.authorizationEndpoint(pool) + "?" + encode(changed))));
        assertThat(back.toString()).startsWith(CALLBACK + "?");
        assertThat(query(back)).containsEntry("state", good.get("state"));
        return query(back).get("error");
    }

    @Test
    void theSignInPageChecksThePasswordAgainstMotosUsers() throws Exception {
        Map<String, String> authorize = authorizeQuery(publicClient, verifier());

        for (List<String> wrong : List.of(List.of(USER, "Wr0ng-password!"), List.of("mallory", PASSWORD))) {
            HttpResponse<String> page = signIn(authorize, wrong.get(0), wrong.get(1));
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("Incorrect username or password.").contains("<form");
        }
        HttpResponse<String> temporary = signIn(authorize, TEMPORARY_USER, PASSWORD);
        assertThat(temporary.statusCode()).isEqualTo(200);
        assertThat(temporary.body()).contains("NEW_PASSWORD_REQUIRED");
    }

    @Test
    void aDeletedUsersRefreshTokenIsRefused() throws Exception {
        String name = "carol-" + UUID.randomUUID().toString().substring(0, 8);
        cognito.adminCreateUser(r -> r.userPoolId(pool.value()).username(name).messageAction("SUPPRESS"));
        cognito.adminSetUserPassword(r -> r.userPoolId(pool.value()).username(name).password(PASSWORD).permanent(true));
        String verifier = verifier();
        Map<String, String> authorize = authorizeQuery(publicClient, verifier);
        String code = query(location(signIn(authorize, name, PASSWORD))).get("code");
        JsonNode tokens = json(exchange(publicClient, code, CALLBACK, verifier, Optional.empty()));
        String refreshToken = tokens.get("refresh_token").asString();
        assertThat(refresh(publicClient, refreshToken).statusCode()).isEqualTo(200);
        assertThat(verify(tokens.get("access_token").asString()).getClaim("cognito:groups")).isNull();

        cognito.adminDeleteUser(r -> r.userPoolId(pool.value()).username(name));

        assertThat(error(refresh(publicClient, refreshToken))).isEqualTo("invalid_grant");
    }
}
