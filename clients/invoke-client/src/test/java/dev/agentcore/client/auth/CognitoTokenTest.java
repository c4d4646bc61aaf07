package dev.agentcore.client.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.agentcore.client.Jwts;
import dev.agentcore.client.report.DiagnosisReport;
import dev.agentcore.client.report.FailureCategory;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

/** WireMock plays the Cognito user pool domain's /oauth2/token and the cognito-idp API (real SDK client). */
class CognitoTokenTest {

    static WireMockServer cognito;
    static CognitoIdentityProviderClient idp;

    @BeforeAll
    static void start() {
        cognito = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        cognito.start();
        idp = CognitoIdentityProviderClient.builder().endpointOverride(URI.create(cognito.baseUrl()))
                .region(Region.US_EAST_1).credentialsProvider(AnonymousCredentialsProvider.create()).build();
    }

    @AfterAll
    static void stop() {
        idp.close();
        cognito.stop();
    }

    @BeforeEach
    void reset() {
        cognito.resetAll();
    }

    CognitoClientCredentials m2m(List<String> scopes) {
        return new CognitoClientCredentials(cognito.baseUrl(), Jwts.CLIENT_ID, "s3cr3t-value-of-the-client", scopes,
                HttpClient.newHttpClient(), Duration.ofSeconds(5), Clock.systemUTC());
    }

    @Test
    void clientCredentialsGrantSendsBasicAuthAndScopes() throws Exception {
        String access = Jwts.accessToken(Instant.now().plusSeconds(3600));
        cognito.stubFor(post(urlEqualTo("/oauth2/token")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"access_token\":\"" + access + "\",\"expires_in\":3600,\"token_type\":\"Bearer\"}")));

        BearerToken token = m2m(List.of("agentcore/invoke")).token();

        assertThat(token.value()).isEqualTo(access);
        assertThat(token.expiresAt()).isAfter(Instant.now().plusSeconds(3000));
        assertThat(token.toString()).doesNotContain(access);
        String basic = Base64.getEncoder().encodeToString((Jwts.CLIENT_ID + ":s3cr3t-value-of-the-client").getBytes(StandardCharsets.UTF_8));
        cognito.verify(postRequestedFor(urlEqualTo("/oauth2/token"))
                .withHeader("Authorization", equalTo("Basic " + basic))
                .withHeader("Content-Type", equalTo("application/x-www-form-urlencoded"))
                .withRequestBody(containing("grant_type=client_credentials"))
                .withRequestBody(containing("scope=agentcore%2Finvoke")));
    }

    @Test
    void tokensAreCachedUntilShortlyBeforeTheyExpire() throws Exception {
        cognito.stubFor(post(urlEqualTo("/oauth2/token")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"access_token\":\"opaque-token-abcdefghijklmnop\",\"expires_in\":300}")));
        AtomicReference<Instant> now = new AtomicReference<>(Instant.now());
        Clock clock = new Clock() {
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            public Instant instant() {
                return now.get();
            }
        };
        TokenSource cached = new CachingTokenSource(new CognitoClientCredentials(cognito.baseUrl(), "client", "secret",
                List.of(), HttpClient.newHttpClient(), Duration.ofSeconds(5), clock), clock, Duration.ofSeconds(60));

        cached.token();
        cached.token();
        now.set(now.get().plusSeconds(200));
        cached.token();
        cognito.verify(1, postRequestedFor(urlEqualTo("/oauth2/token")));
        now.set(now.get().plusSeconds(50)); // 250 s: inside the 60 s margin before expiry
        cached.token();
        cognito.verify(2, postRequestedFor(urlEqualTo("/oauth2/token")));
    }

    @Test
    void invalidClientIsDiagnosedWithoutShowingTheSecret() {
        cognito.stubFor(post(urlEqualTo("/oauth2/token")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withBody("{\"error\":\"invalid_client\"}")));

        TokenException e = catchThrowableOfType(TokenException.class, () -> m2m(List.of()).token());

        assertThat(e.diagnosis().category()).isEqualTo(FailureCategory.AUTH);
        assertThat(e.diagnosis().summary()).contains("invalid_client");
        assertThat(e.diagnosis().causes().getFirst().nextStep()).contains("describe-user-pool-client");
        String verbose = DiagnosisReport.render(e.diagnosis(), true);
        assertThat(verbose).contains("Authorization: Basic ").doesNotContain("s3cr3t-value-of-the-client")
                .doesNotContain(Base64.getEncoder().encodeToString((Jwts.CLIENT_ID + ":s3cr3t-value-of-the-client").getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void invalidScopeExplainsTheScopeFormat() {
        cognito.stubFor(post(urlEqualTo("/oauth2/token")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withBody("{\"error\":\"invalid_scope\"}")));
        TokenException e = catchThrowableOfType(TokenException.class, () -> m2m(List.of("invoke")).token());
        assertThat(e.diagnosis().causes().getFirst().nextStep()).contains("<resource server identifier>/<scope>");
    }

    @Test
    void wrongDomainIsAnUnknownHost() {
        CognitoClientCredentials source = new CognitoClientCredentials("my-pool.auth.us-east-1.invalid", "c", "s",
                List.of(), HttpClient.newHttpClient(), Duration.ofSeconds(5), Clock.systemUTC());
        assertThat(source.tokenEndpoint()).hasToString("https://my-pool.auth.us-east-1.invalid/oauth2/token");
        TokenException e = catchThrowableOfType(TokenException.class, source::token);
        assertThat(e.diagnosis().category()).isEqualTo(FailureCategory.NETWORK);
        assertThat(e.diagnosis().causes().getFirst().cause()).contains("does not exist");
    }

    static final String INITIATE_AUTH = "AWSCognitoIdentityProviderService.InitiateAuth";

    @Test
    void userPasswordAuthSendsTheSecretHashAndThenRefreshes() throws Exception {
        String first = Jwts.accessToken(Instant.now().plusSeconds(3600));
        String second = Jwts.accessToken(Instant.now().plusSeconds(7200));
        cognito.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(INITIATE_AUTH))
                .withRequestBody(containing("USER_PASSWORD_AUTH"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.1")
                        .withBody("{\"AuthenticationResult\":{\"AccessToken\":\"" + first + "\",\"IdToken\":\""
                                + Jwts.idToken(Instant.now().plusSeconds(3600)) + "\",\"RefreshToken\":\"refresh-abc\","
                                + "\"ExpiresIn\":3600,\"TokenType\":\"Bearer\"},\"ChallengeParameters\":{}}")));
        cognito.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(INITIATE_AUTH))
                .withRequestBody(containing("REFRESH_TOKEN_AUTH"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.1")
                        .withBody("{\"AuthenticationResult\":{\"AccessToken\":\"" + second + "\",\"ExpiresIn\":3600,"
                                + "\"TokenType\":\"Bearer\"},\"ChallengeParameters\":{}}")));
        CognitoUserPassword source = CognitoUserPassword.builder(idp, Jwts.CLIENT_ID).clientSecret("client-secret")
                .username("alice").password("correct horse").clock(Clock.systemUTC()).build();

        assertThat(source.token().value()).as("the access token, not the ID token").isEqualTo(first);
        assertThat(source.token().value()).isEqualTo(second);

        String hash = SecretHash.of("alice", Jwts.CLIENT_ID, "client-secret");
        cognito.verify(postRequestedFor(urlEqualTo("/")).withRequestBody(equalToJson("""
                {"AuthFlow":"USER_PASSWORD_AUTH","ClientId":"%s",
                 "AuthParameters":{"USERNAME":"alice","PASSWORD":"correct horse","SECRET_HASH":"%s"}}
                """.formatted(Jwts.CLIENT_ID, hash))));
        cognito.verify(postRequestedFor(urlEqualTo("/")).withRequestBody(equalToJson("""
                {"AuthFlow":"REFRESH_TOKEN_AUTH","ClientId":"%s",
                 "AuthParameters":{"REFRESH_TOKEN":"refresh-abc","SECRET_HASH":"%s","USERNAME":"alice"}}
                """.formatted(Jwts.CLIENT_ID, hash))));
    }

    @Test
    void secretHashMatchesCognitosDefinition() throws Exception {
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec("k".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = Base64.getEncoder().encodeToString(mac.doFinal("userclient".getBytes(StandardCharsets.UTF_8)));
        assertThat(SecretHash.of("user", "client", "k")).isEqualTo(expected);
    }

    @Test
    void wrongPasswordAndMissingFlowAreDiagnosed() {
        cognito.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/x-amz-json-1.1")
                .withBody("{\"__type\":\"NotAuthorizedException\",\"message\":\"Incorrect username or password.\"}")));
        TokenException wrong = catchThrowableOfType(TokenException.class, () -> CognitoUserPassword.builder(idp, Jwts.CLIENT_ID)
                .username("alice").password("nope").clock(Clock.systemUTC()).build().token());
        assertThat(wrong.diagnosis().summary()).contains("NotAuthorizedException");
        assertThat(wrong.diagnosis().causes().getFirst().cause()).contains("username or password is wrong");

        cognito.resetAll();
        cognito.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/x-amz-json-1.1")
                .withBody("{\"__type\":\"InvalidParameterException\",\"message\":\"USER_PASSWORD_AUTH flow not enabled for this client\"}")));
        TokenException flow = catchThrowableOfType(TokenException.class, () -> CognitoUserPassword.builder(idp, Jwts.CLIENT_ID)
                .username("alice").password("pw").clock(Clock.systemUTC()).build().token());
        assertThat(flow.diagnosis().causes().getFirst().nextStep()).contains("ALLOW_USER_PASSWORD_AUTH");
    }

    @Test
    void aWrongPasswordIsRecognisedUnderATurkishDefaultLocale() {
        // "Incorrect".toLowerCase() is "ıncorrect" (dotless i) under tr-TR: the cause was lost before Locale.ROOT.
        cognito.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/x-amz-json-1.1")
                .withBody("{\"__type\":\"NotAuthorizedException\",\"message\":\"Incorrect username or password.\"}")));
        java.util.Locale saved = java.util.Locale.getDefault();
        try {
            java.util.Locale.setDefault(java.util.Locale.forLanguageTag("tr-TR"));
            TokenException wrong = catchThrowableOfType(TokenException.class, () -> CognitoUserPassword.builder(idp, Jwts.CLIENT_ID)
                    .username("alice").password("nope").build().token());
            assertThat(wrong.diagnosis().causes().getFirst().cause()).contains("username or password is wrong");
        } finally {
            java.util.Locale.setDefault(saved);
        }
    }

    @Test
    void newPasswordChallengeSaysHowToSetOne() {
        cognito.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/x-amz-json-1.1")
                .withBody("{\"ChallengeName\":\"NEW_PASSWORD_REQUIRED\",\"Session\":\"s\",\"ChallengeParameters\":{}}")));
        TokenException e = catchThrowableOfType(TokenException.class, () -> CognitoUserPassword.builder(idp, Jwts.CLIENT_ID)
                .username("alice").password("temp").clock(Clock.systemUTC()).build().token());
        assertThat(e.diagnosis().causes().getFirst().nextStep()).contains("admin-set-user-password").contains("--permanent");
    }

    @Test
    void staticTokensKnowTheirExpiryFromTheJwt() {
        Instant exp = Instant.now().plusSeconds(600).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        BearerToken token = BearerToken.of("Bearer " + Jwts.accessToken(exp), "AGENTCORE_BEARER_TOKEN");
        assertThat(token.expiresAt()).isEqualTo(exp);
        assertThat(token.value()).doesNotStartWith("Bearer");
        assertThat(token.claims()).get().extracting(TokenClaims::clientId).isEqualTo(Jwts.CLIENT_ID);
    }
}
