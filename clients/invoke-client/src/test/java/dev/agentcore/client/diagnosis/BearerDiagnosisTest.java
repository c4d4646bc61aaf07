package dev.agentcore.client.diagnosis;

import dev.agentcore.client.runtime.EndpointOrigin;
import dev.agentcore.core.runtime.ServerProtocol;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.agentcore.client.Jwts;
import dev.agentcore.client.auth.BearerToken;
import dev.agentcore.client.auth.TokenSource;
import dev.agentcore.core.state.AuthorizerSettings;
import dev.agentcore.client.invoke.BearerInvoker;
import dev.agentcore.client.invoke.InvocationFailure;
import dev.agentcore.client.invoke.InvocationRequest;
import dev.agentcore.client.report.Diagnosis;
import dev.agentcore.client.report.DiagnosisReport;
import dev.agentcore.client.report.FailureCategory;
import dev.agentcore.client.report.LikelyCause;
import dev.agentcore.client.runtime.InvocationTarget;
import dev.agentcore.core.arn.RuntimeArn;
import dev.agentcore.core.runtime.SessionId;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockagentcorecontrol.BedrockAgentCoreControlClient;

/**
 * WireMock plays the AgentCore data plane and control plane; each failure the issue lists is provoked over real
 * HTTP with real signed JWTs, and the test asserts the causes and next steps the diagnosis shows.
 */
class BearerDiagnosisTest {

    static final RuntimeArn ARN = RuntimeArn.parse("arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/mcp_echo-N0geaLEEPE");
    static final String INVOKE_PATH = "/runtimes/" + ARN.urlEncoded() + "/invocations";
    static final String WORKLOAD_IDENTITY = "arn:aws:bedrock-agentcore:us-east-1:123456789012:workload-identity-directory/default/workload-identity/mcp_echo-N0geaLEEPE";
    static final String ROLE = "arn:aws:iam::123456789012:role/mcp-echo-execution-role";

    static WireMockServer aws;
    static BedrockAgentCoreControlClient control;

    @BeforeAll
    static void start() {
        aws = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        aws.start();
        control = BedrockAgentCoreControlClient.builder()
                .endpointOverride(URI.create(aws.baseUrl()))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secret")))
                .build();
    }

    @AfterAll
    static void stop() {
        control.close();
        aws.stop();
    }

    @BeforeEach
    void reset() {
        aws.resetAll();
    }

    // --- helpers -------------------------------------------------------------------------------------------

    static String validToken() {
        return Jwts.accessToken(Instant.now().plusSeconds(3600));
    }

    static ResponseDefinitionBuilder awsError(int status, String type, String message) {
        return aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withHeader("x-amzn-ErrorType", type + ":http://internal.amazon.com/coral/com.amazon.bedrock.agentcore/")
                .withHeader("x-amzn-RequestId", "req-" + status)
                .withBody(message == null ? "" : "{\"message\":\"" + message + "\"}");
    }

    static void dataPlaneAnswers(ResponseDefinitionBuilder response) {
        aws.stubFor(post(urlPathEqualTo(INVOKE_PATH)).willReturn(response));
    }

    static void controlPlaneKnowsRuntime(Instant createdAt, String authorizerJson) {
        aws.stubFor(get(urlEqualTo("/runtimes/" + ARN.runtimeId() + "/")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"agentRuntimeArn":"%s","agentRuntimeName":"mcp_echo","agentRuntimeId":"%s","agentRuntimeVersion":"3",
                         "createdAt":"%s","lastUpdatedAt":"%s","roleArn":"%s","status":"READY",
                         "networkConfiguration":{"networkMode":"PUBLIC"},
                         "lifecycleConfiguration":{"idleRuntimeSessionTimeout":900,"maxLifetime":28800},
                         "protocolConfiguration":{"serverProtocol":"HTTP"},
                         "workloadIdentityDetails":{"workloadIdentityArn":"%s"}%s}
                        """.formatted(ARN, ARN.runtimeId(), createdAt, createdAt, ROLE, WORKLOAD_IDENTITY,
                        authorizerJson == null ? "" : ",\"authorizerConfiguration\":{\"customJWTAuthorizer\":" + authorizerJson + "}"))));
    }

    static String authorizer(List<String> clients, List<String> audience) {
        return """
                {"discoveryUrl":"%s","allowedClients":%s%s}
                """.formatted(Jwts.DISCOVERY_URL, json(clients), audience.isEmpty() ? "" : ",\"allowedAudience\":" + json(audience));
    }

    static String json(List<String> values) {
        return values.stream().map(v -> "\"" + v + "\"").toList().toString();
    }

    static void controlPlaneEndpoints(String... nameAndVersion) {
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < nameAndVersion.length; i += 2) {
            if (!items.isEmpty()) {
                items.append(',');
            }
            items.append("""
                    {"name":"%s","liveVersion":"%s","agentRuntimeEndpointArn":"%s","agentRuntimeArn":"%s","status":"READY",
                     "id":"ep%d","createdAt":"2025-09-30T12:00:00Z","lastUpdatedAt":"2025-09-30T12:00:00Z"}
                    """.formatted(nameAndVersion[i], nameAndVersion[i + 1], ARN.endpointArn(nameAndVersion[i]), ARN, i));
        }
        aws.stubFor(post(urlEqualTo("/runtimes/" + ARN.runtimeId() + "/runtime-endpoints/"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"runtimeEndpoints\":[" + items + "]}")));
    }

    static Diagnosis invokeAndDiagnose(String token, String qualifier) {
        return invokeAndDiagnose(token, qualifier, new ControlPlaneDirectory(() -> control), aws.baseUrl());
    }

    static Diagnosis invokeAndDiagnose(String token, String qualifier, RuntimeDirectory directory, String endpoint) {
        InvocationTarget target = InvocationTarget.at(ARN, qualifier, URI.create(endpoint), EndpointOrigin.flag("--endpoint-url"));
        BearerInvoker invoker = new BearerInvoker(HttpClient.newHttpClient(), TokenSource.fixed(token, "--token"));
        InvocationRequest request = InvocationRequest.builder(target).payload("{\"prompt\":\"hi\"}".getBytes())
                .sessionId(SessionId.generate()).customHeaders(Map.of("Tenant", "acme")).timeout(Duration.ofSeconds(2))
                .build();
        InvocationFailure failure = catchThrowableOfType(InvocationFailure.class, () -> invoker.invoke(request));
        assertThat(failure).as("the call must fail").isNotNull();
        return new Diagnostician(directory, Clock.systemUTC()).diagnose(
                FailureContext.builder(failure, target).token(BearerToken.of(token, "--token"))
                        .protocol(ServerProtocol.HTTP).timeout(Duration.ofSeconds(2)).build());
    }

    static LikelyCause first(Diagnosis diagnosis) {
        assertThat(diagnosis.causes()).isNotEmpty();
        return diagnosis.causes().getFirst();
    }

    // --- 403 ----------------------------------------------------------------------------------------------

    @Test
    void forbiddenWithAValidTokenPointsAtTheWorkloadAccessTokenGrant() {
        dataPlaneAnswers(aResponse().withStatus(403)); // what the seed's author saw: no body at all
        controlPlaneKnowsRuntime(Instant.parse("2025-09-30T12:00:00Z"), authorizer(List.of(Jwts.CLIENT_ID), List.of()));

        Diagnosis diagnosis = invokeAndDiagnose(validToken(), "DEFAULT");

        assertThat(diagnosis.category()).isEqualTo(FailureCategory.AUTH);
        assertThat(diagnosis.summary()).contains("403").contains("no message");
        LikelyCause wat = first(diagnosis);
        assertThat(wat.cause()).contains("GetWorkloadAccessTokenForJWT").contains(WORKLOAD_IDENTITY).contains(ROLE);
        assertThat(wat.nextStep()).contains("CloudTrail").contains("event name GetWorkloadAccessTokenForJWT")
                .contains("policy-lint --runtimes .agentcore/state.json")
                .contains("workload-identity-directory/default")
                .doesNotContain("service-linked role");
    }

    @Test
    void forbiddenForARuntimeCreatedAfterOctober2025MentionsTheServiceLinkedRole() {
        dataPlaneAnswers(awsError(403, "AccessDeniedException", null));
        controlPlaneKnowsRuntime(Instant.parse("2025-11-02T08:00:00Z"), authorizer(List.of(Jwts.CLIENT_ID), List.of()));

        LikelyCause wat = first(invokeAndDiagnose(validToken(), "DEFAULT"));

        assertThat(wat.cause()).contains("GetWorkloadAccessTokenForJWT");
        assertThat(wat.nextStep()).contains("AWSServiceRoleForBedrockAgentCoreRuntimeIdentity");
    }

    @Test
    void forbiddenWithoutControlPlaneAccessStillNamesTheWorkloadIdentityFromTheArn() {
        dataPlaneAnswers(aResponse().withStatus(403));
        aws.stubFor(get(urlEqualTo("/runtimes/" + ARN.runtimeId() + "/")).willReturn(awsError(403, "AccessDeniedException",
                "User is not authorized to perform: bedrock-agentcore:GetAgentRuntime")));

        Diagnosis diagnosis = invokeAndDiagnose(validToken(), "DEFAULT");

        assertThat(first(diagnosis).cause()).contains(ARN.workloadIdentityArn());
        assertThat(DiagnosisReport.render(diagnosis, true)).contains("GetAgentRuntime failed: AccessDeniedException 403");
    }

    @Test
    void authorizationMethodMismatchWithABearerTokenSaysTheRuntimeTakesSigV4() {
        dataPlaneAnswers(awsError(403, "AccessDeniedException", "Authorization method mismatch. The agent is configured "
                + "for a different authorization method than what was used in your request. (OAuth or SigV4)"));

        Diagnosis diagnosis = invokeAndDiagnose(validToken(), "DEFAULT");

        assertThat(diagnosis.causes()).hasSize(1);
        assertThat(first(diagnosis).cause()).contains("has no JWT authorizer").contains("bearer token");
        assertThat(first(diagnosis).nextStep()).contains("--auth sigv4");
    }

    @Test
    void missingAuthenticationTokenWithABearerTokenBlamesTheUrlNotTheWorkloadIdentity() {
        // The AWS front door's answer to a path that is no AgentCore operation: the token was never looked at.
        dataPlaneAnswers(awsError(403, "MissingAuthenticationTokenException", "Missing Authentication Token"));
        controlPlaneKnowsRuntime(Instant.parse("2025-09-30T12:00:00Z"), authorizer(List.of(Jwts.CLIENT_ID), List.of()));

        Diagnosis diagnosis = invokeAndDiagnose(validToken(), "DEFAULT");

        assertThat(first(diagnosis).cause()).contains("not an AgentCore operation");
        assertThat(first(diagnosis).nextStep()).contains("--endpoint-url");
        assertThat(diagnosis.causes()).noneSatisfy(c -> assertThat(c.cause()).contains("GetWorkloadAccessTokenForJWT"));
    }

    // --- 401 ----------------------------------------------------------------------------------------------

    @Test
    void clientIdMismatchWithAnIdTokenSaysToSendTheAccessToken() {
        dataPlaneAnswers(awsError(401, "UnauthorizedException",
                "OAuth authorization failed: Claim 'client_id' value mismatch with configuration"));
        controlPlaneKnowsRuntime(Instant.parse("2025-09-30T12:00:00Z"), authorizer(List.of(Jwts.CLIENT_ID), List.of()));

        Diagnosis diagnosis = invokeAndDiagnose(Jwts.idToken(Instant.now().plusSeconds(3600)), "DEFAULT");

        assertThat(diagnosis.category()).isEqualTo(FailureCategory.AUTH);
        assertThat(first(diagnosis).cause()).contains("ID token").contains("no client_id claim");
        assertThat(first(diagnosis).nextStep()).contains("Send the access token");
    }

    @Test
    void clientIdOfAnotherAppClientIsNamedWithTheAllowedOnes() {
        dataPlaneAnswers(awsError(401, "UnauthorizedException",
                "OAuth authorization failed: Claim 'client_id' value mismatch with configuration"));
        controlPlaneKnowsRuntime(Instant.parse("2025-09-30T12:00:00Z"), authorizer(List.of("otherclient123"), List.of()));

        LikelyCause cause = first(invokeAndDiagnose(validToken(), "DEFAULT"));

        assertThat(cause.cause()).contains(Jwts.CLIENT_ID).contains("not in the runtime's allowedClients [otherclient123]");
        assertThat(cause.nextStep()).contains("app client otherclient123");
    }

    @Test
    void aPasswordSignInTokenWithoutCustomScopesIsToldToUseTheOAuthEndpoints() {
        dataPlaneAnswers(awsError(401, "UnauthorizedException", "Claim 'scope' value mismatch with configuration."));
        controlPlaneKnowsRuntime(Instant.parse("2025-09-30T12:00:00Z"), """
                {"discoveryUrl":"%s","allowedClients":["%s"],"allowedScopes":["agentcore/mcp"]}
                """.formatted(Jwts.DISCOVERY_URL, Jwts.CLIENT_ID));
        // What InitiateAuth (USER_PASSWORD_AUTH, USER_SRP_AUTH) gives: Cognito's own scope and nothing else.
        String signInToken = Jwts.sign(Jwts.accessClaims(Instant.now().plusSeconds(3600))
                .claim("scope", "aws.cognito.signin.user.admin").build());

        LikelyCause cause = first(invokeAndDiagnose(signInToken, "DEFAULT"));

        assertThat(cause.cause()).contains("password or SRP sign-in").contains("[agentcore/mcp]");
        assertThat(cause.nextStep()).contains("client credentials").contains("--scope agentcore/mcp")
                .contains("authorization code");
    }

    @Test
    void audienceMismatchWithACognitoAccessTokenExplainsThatItHasNoAud() {
        dataPlaneAnswers(awsError(401, "UnauthorizedException", "Claim 'aud' value mismatch with configuration."));
        controlPlaneKnowsRuntime(Instant.parse("2025-09-30T12:00:00Z"), authorizer(List.of(), List.of("my-api")));

        LikelyCause cause = first(invokeAndDiagnose(validToken(), "DEFAULT"));

        assertThat(cause.cause()).contains("Cognito access tokens carry no aud claim").contains("[my-api]");
        assertThat(cause.nextStep()).contains("Remove allowedAudience");
    }

    @Test
    void expiredTokenIsCalledExpiredWithHowLongAgo() {
        dataPlaneAnswers(awsError(401, "UnauthorizedException", "JWT bearer token is invalid or not found for OAuth bearer token based access"));
        controlPlaneKnowsRuntime(Instant.parse("2025-09-30T12:00:00Z"), authorizer(List.of(Jwts.CLIENT_ID), List.of()));

        Diagnosis diagnosis = invokeAndDiagnose(Jwts.accessToken(Instant.now().minusSeconds(600)), "DEFAULT");

        assertThat(first(diagnosis).cause()).contains("expired 10m").contains("ago");
        assertThat(first(diagnosis).nextStep()).contains("fresh token");
    }

    @Test
    void tokenFromAnotherIssuerNamesBothIssuers() {
        dataPlaneAnswers(awsError(401, "UnauthorizedException", "JWT bearer token is invalid or not found for OAuth bearer token based access"));
        controlPlaneKnowsRuntime(Instant.parse("2025-09-30T12:00:00Z"), authorizer(List.of(Jwts.CLIENT_ID), List.of()));
        String foreign = Jwts.sign(Jwts.accessClaims(Instant.now().plusSeconds(3600))
                .issuer("https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Other").build());

        LikelyCause cause = first(invokeAndDiagnose(foreign, "DEFAULT"));

        assertThat(cause.cause()).contains("issued by https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Other")
                .contains("trusts " + Jwts.ISSUER);
        assertThat(cause.nextStep()).contains("user pool of that discovery URL");
    }

    @Test
    void notAJwtIsCaughtBeforeGuessing() {
        dataPlaneAnswers(awsError(401, "UnauthorizedException", "JWT bearer token is invalid or not found for OAuth bearer token based access"));
        Diagnosis diagnosis = invokeAndDiagnose("opaque-token-value-1234567890", "DEFAULT",
                RuntimeDirectory.none("lookups off"), aws.baseUrl());
        assertThat(first(diagnosis).cause()).contains("not a JWT");
    }

    // --- 404 ----------------------------------------------------------------------------------------------

    @Test
    void unknownRuntimeIsReportedFromTheControlPlane() {
        dataPlaneAnswers(awsError(404, "ResourceNotFoundException", "Runtime not found"));
        aws.stubFor(get(urlEqualTo("/runtimes/" + ARN.runtimeId() + "/")).willReturn(awsError(404, "ResourceNotFoundException", "not found")));

        Diagnosis diagnosis = invokeAndDiagnose(validToken(), "DEFAULT");

        assertThat(diagnosis.category()).isEqualTo(FailureCategory.NOT_FOUND);
        assertThat(diagnosis.causes()).hasSize(1);
        assertThat(first(diagnosis).cause()).contains("does not exist in account 123456789012, region us-east-1");
        assertThat(first(diagnosis).nextStep()).contains("list-agent-runtimes --region us-east-1");
    }

    @Test
    void qualifierNamingNoEndpointListsTheEndpoints() {
        dataPlaneAnswers(awsError(404, "ResourceNotFoundException", "Endpoint not found"));
        controlPlaneKnowsRuntime(Instant.parse("2025-09-30T12:00:00Z"), null);
        controlPlaneEndpoints("DEFAULT", "3", "dev", "2");

        Diagnosis diagnosis = invokeAndDiagnose(validToken(), "prod");

        assertThat(first(diagnosis).cause()).contains("'prod' names no endpoint")
                .contains("DEFAULT (version 3, READY)").contains("dev (version 2, READY)");
        assertThat(first(diagnosis).nextStep()).contains("--qualifier DEFAULT").contains("create-agent-runtime-endpoint");
        aws.verify(postRequestedFor(urlEqualTo("/runtimes/" + ARN.runtimeId() + "/runtime-endpoints/"))
                .withHeader("Authorization", com.github.tomakehurst.wiremock.client.WireMock.containing("AWS4-HMAC-SHA256")));
    }

    @Test
    void versionNumberAsQualifierPointsAtTheEndpointServingThatVersion() {
        dataPlaneAnswers(awsError(404, "ResourceNotFoundException", "Endpoint not found"));
        controlPlaneKnowsRuntime(Instant.parse("2025-09-30T12:00:00Z"), null);
        controlPlaneEndpoints("DEFAULT", "3", "dev", "2");

        LikelyCause cause = first(invokeAndDiagnose(validToken(), "2"));

        assertThat(cause.cause()).contains("'2' looks like a version number");
        assertThat(cause.nextStep()).contains("--qualifier dev");
    }

    @Test
    void notFoundWithoutLookupsGivesTheCommandsToCheck() {
        dataPlaneAnswers(awsError(404, "ResourceNotFoundException", null));

        Diagnosis diagnosis = invokeAndDiagnose(validToken(), "prod", RuntimeDirectory.none("lookups switched off"), aws.baseUrl());

        assertThat(diagnosis.causes()).extracting(LikelyCause::nextStep)
                .anySatisfy(s -> assertThat(s).contains("list-agent-runtime-endpoints"))
                .anySatisfy(s -> assertThat(s).contains("list-agent-runtimes"));
    }

    @Test
    void notFoundOnTheDefaultEndpointWithoutLookupsSaysTheRuntimeMayNotExistFirst() {
        // DEFAULT always exists, so a 404 on it is about the runtime (or account, or region), not the qualifier.
        dataPlaneAnswers(awsError(404, "ResourceNotFoundException", null));

        Diagnosis diagnosis = invokeAndDiagnose(validToken(), "DEFAULT", RuntimeDirectory.none("lookups switched off"), aws.baseUrl());

        assertThat(first(diagnosis).cause()).contains("may not exist in account 123456789012, region us-east-1");
        assertThat(first(diagnosis).nextStep()).contains("list-agent-runtimes --region us-east-1");
        assertThat(diagnosis.causes()).noneSatisfy(c -> assertThat(c.cause()).contains("'DEFAULT' may name no endpoint"));
    }

    // --- 424, 429, 5xx ----------------------------------------------------------------------------------

    @Test
    void runtimeClientErrorNamesTheLogGroup() {
        dataPlaneAnswers(awsError(424, "RuntimeClientError",
                "Received error (500) from runtime. Please check your CloudWatch logs for more information."));

        Diagnosis diagnosis = invokeAndDiagnose(validToken(), "dev", RuntimeDirectory.none("off"), aws.baseUrl());

        assertThat(diagnosis.category()).isEqualTo(FailureCategory.RUNTIME_ERROR);
        assertThat(first(diagnosis).cause()).contains("agent code failed").contains("500");
        assertThat(first(diagnosis).nextStep()).contains("/aws/bedrock-agentcore/runtimes/mcp_echo-N0geaLEEPE-dev")
                .contains("aws logs tail");
        assertThat(diagnosis.causes().get(1).cause()).contains("linux/arm64");
    }

    @Test
    void throttlingSaysToBackOff() {
        dataPlaneAnswers(awsError(429, "ThrottlingException", "Rate exceeded"));
        Diagnosis diagnosis = invokeAndDiagnose(validToken(), "DEFAULT", RuntimeDirectory.none("off"), aws.baseUrl());
        assertThat(diagnosis.category()).isEqualTo(FailureCategory.THROTTLED);
        assertThat(first(diagnosis).nextStep()).contains("exponential backoff");
    }

    @Test
    void quotaAndValidationErrorsSayWhatToChange() {
        dataPlaneAnswers(awsError(402, "ServiceQuotaExceededException", "Maximum number of active sessions reached"));
        Diagnosis quota = invokeAndDiagnose(validToken(), "DEFAULT", RuntimeDirectory.none("off"), aws.baseUrl());
        assertThat(quota.category()).isEqualTo(FailureCategory.THROTTLED);
        assertThat(first(quota).nextStep()).contains("StopRuntimeSession").contains("Service Quotas");

        dataPlaneAnswers(awsError(400, "ValidationException", "1 validation error detected: Value at 'runtimeSessionId' failed to satisfy constraint"));
        Diagnosis invalid = invokeAndDiagnose(validToken(), "DEFAULT", RuntimeDirectory.none("off"), aws.baseUrl());
        assertThat(invalid.category()).isEqualTo(FailureCategory.OTHER);
        assertThat(first(invalid).nextStep()).contains("33 to 256");
    }

    @Test
    void serverErrorsGiveTheRequestIdForSupport() {
        dataPlaneAnswers(awsError(500, "InternalServerException", "Internal failure"));
        Diagnosis diagnosis = invokeAndDiagnose(validToken(), "DEFAULT", RuntimeDirectory.none("off"), aws.baseUrl());
        assertThat(diagnosis.category()).isEqualTo(FailureCategory.SERVICE_ERROR);
        assertThat(first(diagnosis).cause()).contains("request id req-500");
        assertThat(first(diagnosis).nextStep()).contains("AWS Support");
    }

    @Test
    void serviceUnavailableMentionsAColdStart() {
        dataPlaneAnswers(awsError(503, "ServiceUnavailableException", null));
        Diagnosis diagnosis = invokeAndDiagnose(validToken(), "DEFAULT", RuntimeDirectory.none("off"), aws.baseUrl());
        assertThat(first(diagnosis).cause()).contains("starting or overloaded");
    }

    // --- no response ------------------------------------------------------------------------------------

    @Test
    void timeoutSuggestsALongerTimeoutOrStreaming() {
        dataPlaneAnswers(aResponse().withStatus(200).withFixedDelay(4000).withBody("{}"));
        Diagnosis diagnosis = invokeAndDiagnose(validToken(), "DEFAULT", RuntimeDirectory.none("off"), aws.baseUrl());
        assertThat(diagnosis.category()).isEqualTo(FailureCategory.NETWORK);
        assertThat(diagnosis.summary()).startsWith("timed out");
        assertThat(first(diagnosis).nextStep()).contains("--timeout");
    }

    @Test
    void connectionRefusedNamesTheEndpointSetting() throws Exception {
        int closedPort;
        try (var socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Diagnosis diagnosis = invokeAndDiagnose(validToken(), "DEFAULT", RuntimeDirectory.none("off"),
                "http://127.0.0.1:" + closedPort);
        assertThat(diagnosis.summary()).startsWith("connection refused");
        assertThat(first(diagnosis).cause()).contains("Nothing listens at 127.0.0.1:" + closedPort).contains("--endpoint-url");
        assertThat(first(diagnosis).nextStep()).contains("AWS_ENDPOINT_URL_BEDROCK_AGENTCORE");
    }

    @Test
    void unknownHostPointsAtTheRegion() {
        Diagnosis diagnosis = invokeAndDiagnose(validToken(), "DEFAULT", RuntimeDirectory.none("off"),
                "http://bedrock-agentcore.no-such-region.invalid");
        assertThat(diagnosis.summary()).startsWith("unknown host");
        assertThat(first(diagnosis).nextStep()).contains("us-east-1");
    }

    // --- the verbose report ------------------------------------------------------------------------------

    @Test
    void verboseReportShowsTheExactRequestResponseAndClaimsButNeverTheWholeToken() {
        String token = validToken();
        dataPlaneAnswers(awsError(401, "UnauthorizedException", "OAuth authorization failed: Claim 'client_id' value mismatch with configuration"));
        controlPlaneKnowsRuntime(Instant.parse("2025-09-30T12:00:00Z"), authorizer(List.of("otherclient123"), List.of()));

        String report = DiagnosisReport.render(invokeAndDiagnose(token, "DEFAULT"), true);

        assertThat(report).contains("POST " + aws.baseUrl() + INVOKE_PATH + "?qualifier=DEFAULT")
                .contains("runtime ARN: " + ARN)
                .contains("decoded path: /runtimes/" + ARN + "/invocations")
                .contains("qualifier:   DEFAULT")
                .contains("Authorization: Bearer " + token.substring(0, 8) + "…(" + token.length() + " chars)")
                .contains("X-Amzn-Bedrock-AgentCore-Runtime-Custom-Tenant: acme")
                .contains("X-Amzn-Bedrock-AgentCore-Runtime-Session-Id")
                .contains("status:      401")
                .contains("error type:  UnauthorizedException")
                .contains("request id:  req-401")
                .contains("iss:        " + Jwts.ISSUER)
                .contains("client_id:  " + Jwts.CLIENT_ID)
                .contains("aud:        (none)")
                .contains("scope:      agentcore/invoke")
                .contains("token_use:  access")
                .containsPattern("exp: +expires in (59m|1h)")
                .contains("allowedClients [otherclient123]")
                .doesNotContain(token);
        String shortForm = DiagnosisReport.render(invokeAndDiagnose(token, "DEFAULT"), false);
        assertThat(shortForm).startsWith("error: 401 UnauthorizedException from runtime mcp_echo-N0geaLEEPE (endpoint DEFAULT)")
                .contains("next: ").contains("--verbose").doesNotContain("Authorization:");
    }

    @Test
    void aLocalContainerThatRefusesATokenIsNotBlamedOnAgentCore() {
        aws.stubFor(post(urlPathEqualTo("/invocations")).willReturn(aResponse().withStatus(401)));
        InvocationTarget local = InvocationTarget.direct(URI.create(aws.baseUrl() + "/invocations"), EndpointOrigin.flag("--local"));
        String token = validToken();
        InvocationFailure failure = catchThrowableOfType(InvocationFailure.class, () -> new BearerInvoker(
                HttpClient.newHttpClient(), TokenSource.fixed(token, "--token")).invoke(InvocationRequest.json(local, "{}")));
        Diagnosis diagnosis = new Diagnostician(RuntimeDirectory.none("off"), Clock.systemUTC())
                .diagnose(FailureContext.builder(failure, local).token(BearerToken.of(token, "--token"))
                        .protocol(ServerProtocol.HTTP).timeout(Duration.ofSeconds(2)).build());
        assertThat(diagnosis.causes()).hasSize(1);
        assertThat(first(diagnosis).cause()).contains("local container itself refused");
        assertThat(DiagnosisReport.render(diagnosis, true)).contains("local runtime " + aws.baseUrl());
    }

    @Test
    void regionMismatchBetweenArnAndEndpointRanksFirst() {
        // Built by hand: an eu-west-1 AWS host cannot be reached from here, and the ranking is what is under test.
        InvocationTarget target = InvocationTarget.at(ARN, "DEFAULT", URI.create("https://bedrock-agentcore.eu-west-1.amazonaws.com"), EndpointOrigin.environmentVariable("AWS_ENDPOINT_URL_BEDROCK_AGENTCORE"));
        InvocationFailure failure = InvocationFailure.response(dev.agentcore.client.invoke.AuthMode.SIGV4,
                new dev.agentcore.client.http.RequestView("POST", target.invocationUri(), Map.of()),
                new dev.agentcore.client.http.ResponseView(404, Map.of("x-amzn-ErrorType", List.of("ResourceNotFoundException")), ""));

        Diagnosis diagnosis = new Diagnostician(RuntimeDirectory.none("off"), Clock.systemUTC())
                .diagnose(FailureContext.builder(failure, target).protocol(ServerProtocol.HTTP)
                        .timeout(Duration.ofSeconds(2)).build());

        assertThat(first(diagnosis).cause()).contains("region us-east-1").contains("bedrock-agentcore.eu-west-1.amazonaws.com")
                .contains("AWS_ENDPOINT_URL_BEDROCK_AGENTCORE");
        assertThat(InvocationTarget.of(ARN, "DEFAULT").regionMismatch()).isFalse();
    }
}
