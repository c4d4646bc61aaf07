package dev.agentcore.local.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.agentcore.core.arn.PrincipalArn;
import dev.agentcore.core.runtime.Qualifier;
import dev.agentcore.core.runtime.RuntimeName;
import dev.agentcore.local.LocalAgentCore;
import dev.agentcore.local.LocalFixture;
import dev.agentcore.local.control.AgentRuntime;
import dev.agentcore.local.control.Resolution;
import dev.agentcore.local.control.RuntimeConfiguration;
import dev.agentcore.local.data.DataPlaneService;
import dev.agentcore.local.auth.InMemoryCredentialsDirectory;
import dev.agentcore.local.auth.SigningCredentials;
import dev.agentcore.local.data.InMemoryIamDirectory;
import dev.agentcore.local.data.SessionHostException;
import dev.agentcore.local.http.Response;
import dev.agentcore.localoauth.authorizer.AuthorizationResult;
import dev.agentcore.localoauth.authorizer.JwtAuthorizer;
import dev.agentcore.localoauth.authorizer.JwtAuthorizerConfig;
import dev.agentcore.localoauth.authorizer.UrlRewrite;
import dev.agentcore.localoauth.http.LocalOAuthServer;
import dev.agentcore.localoauth.pool.AppClient;
import dev.agentcore.localoauth.pool.InMemoryUserPools;
import dev.agentcore.localoauth.pool.UserPool;
import dev.agentcore.localoauth.pool.UserPoolId;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockagentcore.BedrockAgentCoreClient;
import software.amazon.awssdk.services.bedrockagentcore.model.AccessDeniedException;
import software.amazon.awssdk.services.bedrockagentcore.model.Oauth2FlowType;
import software.amazon.awssdk.services.bedrockagentcore.model.ResourceNotFoundException;
import software.amazon.awssdk.services.bedrockagentcore.model.UnauthorizedException;
import software.amazon.awssdk.services.bedrockagentcore.model.ValidationException;
import tools.jackson.databind.node.ObjectNode;
import dev.agentcore.core.runtime.SessionId;
import dev.agentcore.local.control.RuntimeVersion;
import dev.agentcore.local.data.SessionHost;
import dev.agentcore.local.data.SessionHosts;

/**
 * The five identity operations through the real AWS SDK for Java ({@code bedrockagentcore} 2.40.2, SigV4,
 * endpointOverride) against a local AgentCore with the {@link IdentityService} mounted, the caller being a runtime's
 * execution role session as on AWS.
 */
class IdentitySdkTest {

    static final String ACCOUNT = "123456789012";
    static final String ROLE = "arn:aws:iam::123456789012:role/hello_agent_execution";
    static final String ROLE_SESSION = PrincipalArn.assumedRole(ROLE, "BedrockAgentCore-local-session").toString();
    static final String ROLE_KEY = "ASIAEXECUTIONROLE01";
    static final String OTHER_ACCOUNT_ROLE = "arn:aws:iam::210987654321:role/elsewhere";
    static final String OTHER_ACCOUNT_KEY = "ASIAOTHERACCOUNT001";
    static final String UNKNOWN_KEY = "AKIDNOBODYOWNSTHIS1";
    static final String API_KEY = "sk-local-example-0123456789";
    static final String DIRECTORY = "arn:aws:bedrock-agentcore:us-east-1:123456789012:workload-identity-directory/default";
    static final String VAULT = "arn:aws:bedrock-agentcore:us-east-1:123456789012:token-vault/default";

    static final UserPoolId POOL = UserPoolId.of("us-east-1_IdentPool1");
    static final String CLIENT = "1dent1tyc1i3ntf0rm2m0000aa";
    static final String SECRET = "m2ms3cr3tf0rth3t0k3nv4u1t";
    static final String SCOPE = "resource/read";

    /** The tutorial's policy: the workload identity named by a placeholder, not by the runtime. */
    static final String TUTORIAL_POLICY = """
            {"Version": "2012-10-17", "Statement": [{"Sid": "GetAgentAccessToken", "Effect": "Allow",
             "Action": ["bedrock-agentcore:GetWorkloadAccessToken", "bedrock-agentcore:GetWorkloadAccessTokenForJWT",
                        "bedrock-agentcore:GetWorkloadAccessTokenForUserId"],
             "Resource": ["%s", "%s/workload-identity/agentName-*"]}]}""".formatted(DIRECTORY, DIRECTORY);

    /** The grant with the real workload identities, and the token vault as the toolkit's role has it. */
    static final String CORRECT_POLICY = """
            {"Version": "2012-10-17", "Statement": [
             {"Sid": "GetAgentAccessToken", "Effect": "Allow",
              "Action": ["bedrock-agentcore:GetWorkloadAccessToken", "bedrock-agentcore:GetWorkloadAccessTokenForJWT",
                         "bedrock-agentcore:GetWorkloadAccessTokenForUserId"],
              "Resource": ["%s", "%s/workload-identity/*"]},
             {"Sid": "TokenVault", "Effect": "Allow",
              "Action": ["bedrock-agentcore:GetResourceApiKey", "bedrock-agentcore:GetResourceOauth2Token"],
              "Resource": ["%s", "%s/apikeycredentialprovider/*", "%s/oauth2credentialprovider/*"]}]}"""
            .formatted(DIRECTORY, DIRECTORY, VAULT, VAULT, VAULT);

    private final InMemoryIamDirectory iam = new InMemoryIamDirectory();
    /** The keys the front door verifies and the identity operations name callers by (one directory, as launched). */
    private final InMemoryCredentialsDirectory keys = new InMemoryCredentialsDirectory()
            .register(SigningCredentials.longTerm(ROLE_KEY, LocalFixture.SECRET_KEY,
                    PrincipalArn.parse(ROLE_SESSION).orElseThrow()))
            .register(SigningCredentials.longTerm(OTHER_ACCOUNT_KEY, LocalFixture.SECRET_KEY,
                    PrincipalArn.assumedRole(OTHER_ACCOUNT_ROLE, "s")));
    private final MovableClock clock = new MovableClock();
    private LocalOAuthServer oauth;
    private IdentityService identity;
    private LocalAgentCore agentCore;
    private BedrockAgentCoreClient client;

    @BeforeEach
    void start() throws Exception {
        oauth = LocalOAuthServer.builder(new InMemoryUserPools().add(UserPool.withoutDomain(POOL))
                .add(AppClient.machine(POOL, CLIENT, SECRET, List.of(SCOPE)))).build();
        oauth.start(0);
        CredentialProviders providers = new CredentialProviders()
                .apiKey("openai-key", API_KEY)
                .oauth2ClientCredentials("resource-server", oauth.tokenEndpoint(POOL), CLIENT, SECRET)
                .oauth2ClientCredentials("wrong-secret", oauth.tokenEndpoint(POOL), CLIENT, "not-the-secret-at-all");
        identity = IdentityService.builder().iam(iam).accessKeys(keys::principalOf).credentialProviders(providers)
                .tokenLifetime(Duration.ofMinutes(15)).clock(clock).workloadIdentity("agent-hosted-elsewhere").build();
        agentCore = LocalAgentCore.start(LocalFixture.config().credentials(keys)
                .service(identity).build());
        client = client(ROLE_KEY);
    }

    @AfterEach
    void stop() {
        client.close();
        agentCore.close();
        oauth.stop();
    }

    @Test
    void theExecutionRoleGetsAWorkloadAccessTokenAndWithItTheApiKey() {
        iam.put(ROLE, "execution", CORRECT_POLICY);
        AgentRuntime runtime = runtime("hello_agent", Optional.empty());

        String token = client.getWorkloadAccessToken(r -> r.workloadName(workloadName(runtime))).workloadAccessToken();
        String forUser = client.getWorkloadAccessTokenForUserId(r -> r.workloadName(workloadName(runtime))
                .userId("alice")).workloadAccessToken();

        assertThat(token).isNotBlank().isNotEqualTo(forUser).doesNotContain(workloadName(runtime));
        var grant = ((WorkloadAccessTokens.Lookup.Valid) identity.tokens().lookup(forUser, clock.instant())).grant();
        assertThat(grant.workloadIdentity()).isEqualTo(runtime.workloadIdentity());
        assertThat(grant.user()).isEqualTo(new WorkloadUser.UserId("alice"));
        assertThat(grant.issuedTo().toString()).isEqualTo(ROLE_SESSION);
        assertThat(client.getResourceApiKey(r -> r.workloadIdentityToken(token)
                .resourceCredentialProviderName("openai-key")).apiKey()).isEqualTo(API_KEY);
    }

    @Test
    void theTutorialsPlaceholderGrantIsRefusedWithIamsText() {
        iam.put(ROLE, "execution", TUTORIAL_POLICY);
        AgentRuntime runtime = runtime("hello_agent", Optional.empty());

        assertThatThrownBy(() -> client.getWorkloadAccessTokenForUserId(r -> r.workloadName(workloadName(runtime))
                .userId("alice")))
                .isInstanceOfSatisfying(AccessDeniedException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(403);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("User: " + ROLE_SESSION
                            + " is not authorized to perform: bedrock-agentcore:GetWorkloadAccessTokenForUserId on"
                            + " resource: " + runtime.workloadIdentity() + " because no identity-based policy allows"
                            + " the bedrock-agentcore:GetWorkloadAccessTokenForUserId action");
                });
        assertThat(identity.tokens().lookup("anything", clock.instant()))
                .isInstanceOf(WorkloadAccessTokens.Lookup.Unknown.class);
    }

    @Test
    void theTokenVaultNeedsItsOwnGrant() {
        iam.put(ROLE, "execution", TUTORIAL_POLICY.replace("agentName-*", "*"));
        String token = client.getWorkloadAccessToken(r -> r.workloadName("agent-hosted-elsewhere")).workloadAccessToken();

        assertThatThrownBy(() -> client.getResourceApiKey(r -> r.workloadIdentityToken(token)
                .resourceCredentialProviderName("openai-key")))
                .isInstanceOfSatisfying(AccessDeniedException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                        .isEqualTo("User: " + ROLE_SESSION + " is not authorized to perform:"
                                + " bedrock-agentcore:GetResourceApiKey on resource: " + VAULT
                                + " because no identity-based policy allows the bedrock-agentcore:GetResourceApiKey action"));
    }

    @Test
    void anUnknownProviderIsNotFound() {
        iam.put(ROLE, "execution", CORRECT_POLICY);
        String token = client.getWorkloadAccessToken(r -> r.workloadName("agent-hosted-elsewhere")).workloadAccessToken();

        assertThatThrownBy(() -> client.getResourceApiKey(r -> r.workloadIdentityToken(token)
                .resourceCredentialProviderName("no-such-provider")))
                .isInstanceOfSatisfying(ResourceNotFoundException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(404);
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(
                            "API key credential provider 'no-such-provider' was not found in token vault 'default'.");
                });
        // An OAuth2 provider's name is no API key provider's.
        assertThatThrownBy(() -> client.getResourceApiKey(r -> r.workloadIdentityToken(token)
                .resourceCredentialProviderName("resource-server")))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void anExpiredOrMadeUpTokenIsRefusedAndAnotherAccountByIam() {
        iam.put(ROLE, "execution", CORRECT_POLICY);
        iam.put(OTHER_ACCOUNT_ROLE, "everything", """
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "bedrock-agentcore:*",
                 "Resource": "*"}]}""");
        String token = client.getWorkloadAccessToken(r -> r.workloadName("agent-hosted-elsewhere")).workloadAccessToken();

        try (BedrockAgentCoreClient other = client(OTHER_ACCOUNT_KEY)) {
            assertThatThrownBy(() -> other.getResourceApiKey(r -> r.workloadIdentityToken(token)
                    .resourceCredentialProviderName("openai-key")))
                    .isInstanceOfSatisfying(AccessDeniedException.class, e -> assertThat(e.awsErrorDetails()
                            .errorMessage()).isEqualTo("User: arn:aws:sts::210987654321:assumed-role/elsewhere/s is"
                            + " not authorized to perform: bedrock-agentcore:GetResourceApiKey on resource: " + VAULT
                            + " because no resource-based policy allows the bedrock-agentcore:GetResourceApiKey action"));
        }
        assertThatThrownBy(() -> client.getResourceApiKey(r -> r.workloadIdentityToken("made-up-token")
                .resourceCredentialProviderName("openai-key")))
                .isInstanceOfSatisfying(AccessDeniedException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                        .startsWith("The workload access token is not valid: this AgentCore did not issue it."));

        clock.advance(Duration.ofMinutes(15));
        assertThatThrownBy(() -> client.getResourceApiKey(r -> r.workloadIdentityToken(token)
                .resourceCredentialProviderName("openai-key")))
                .isInstanceOfSatisfying(AccessDeniedException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(403);
                    assertThat(e.awsErrorDetails().errorMessage()).startsWith("The workload access token has expired.");
                });
    }

    @Test
    void anUnknownWorkloadIdentityIsNotFoundAndABadNameIsAValidationError() {
        iam.put(ROLE, "execution", CORRECT_POLICY);

        assertThatThrownBy(() -> client.getWorkloadAccessToken(r -> r.workloadName("nobody-0123456789")))
                .isInstanceOfSatisfying(ResourceNotFoundException.class, e -> assertThat(e.awsErrorDetails()
                        .errorMessage()).startsWith("Workload identity 'nobody-0123456789' was not found"));
        assertThatThrownBy(() -> client.getWorkloadAccessToken(r -> r.workloadName("a/")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                        .isEqualTo("2 validation errors detected: Value 'a/' at 'workloadName' failed to satisfy"
                                + " constraint: Member must have length greater than or equal to 3; Value 'a/' at"
                                + " 'workloadName' failed to satisfy constraint: Member must satisfy regular"
                                + " expression pattern: [A-Za-z0-9_.-]+"));
    }

    @Test
    void anAccessKeyNobodyOwnsIsUnrecognized() {
        try (BedrockAgentCoreClient stranger = client(UNKNOWN_KEY)) {
            assertThatThrownBy(() -> stranger.getWorkloadAccessToken(r -> r.workloadName("agent-hosted-elsewhere")))
                    .isInstanceOfSatisfying(AwsServiceException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(403);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("UnrecognizedClientException");
                    });
        }
    }

    @Test
    void aUserTokenIsVerifiedWithTheRuntimesAuthorizerAndBindsItsSubject() throws Exception {
        iam.put(ROLE, "execution", CORRECT_POLICY);
        AgentRuntime runtime = runtime("jwt_agent", Optional.of(CLIENT));
        String userToken = clientCredentialsToken();

        String token = client.getWorkloadAccessTokenForJWT(r -> r.workloadName(workloadName(runtime))
                .userToken(userToken)).workloadAccessToken();
        var grant = ((WorkloadAccessTokens.Lookup.Valid) identity.tokens().lookup(token, clock.instant())).grant();
        assertThat(grant.user()).isEqualTo(new WorkloadUser.JwtSubject(oauth.issuer(POOL).toString(), CLIENT));

        // A standalone identity has no authorizer: the token's own issuer's keys verify it.
        assertThat(client.getWorkloadAccessTokenForJWT(r -> r.workloadName("agent-hosted-elsewhere")
                .userToken(userToken)).workloadAccessToken()).isNotBlank();

        String[] parts = userToken.split("\\.");
        String tampered = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();
        assertThatThrownBy(() -> client.getWorkloadAccessTokenForJWT(r -> r.workloadName(workloadName(runtime))
                .userToken(tampered)))
                .isInstanceOfSatisfying(UnauthorizedException.class, e -> assertThat(e.statusCode()).isEqualTo(401));
        // The SDK's URLConnection client drops the body of a 401, so the text is read over plain HTTP.
        HttpResponse<String> raw = signedPost("/identities/GetWorkloadAccessTokenForJWT", Response.JSON
                .createObjectNode().put("workloadName", workloadName(runtime)).put("userToken", tampered).toString());
        assertThat(raw.statusCode()).isEqualTo(401);
        assertThat(raw.headers().firstValue("x-amzn-ErrorType")).contains("UnauthorizedException");
        assertThat(raw.body()).isEqualTo(
                "{\"message\":\"JWT bearer token is invalid or not found for OAuth bearer token based access\"}");
    }

    @Test
    void theM2mFlowFetchesAClientCredentialsTokenFromTheProvidersTokenEndpoint() {
        iam.put(ROLE, "execution", CORRECT_POLICY);
        String token = client.getWorkloadAccessToken(r -> r.workloadName("agent-hosted-elsewhere")).workloadAccessToken();

        String accessToken = client.getResourceOauth2Token(r -> r.workloadIdentityToken(token)
                .resourceCredentialProviderName("resource-server").scopes(SCOPE).oauth2Flow(Oauth2FlowType.M2_M))
                .accessToken();

        var verdict = JwtAuthorizer.create(UrlRewrite.none()).authorizeToken(
                JwtAuthorizerConfig.of(oauth.discoveryUrl(POOL).toString()).withAllowedClients(List.of(CLIENT)), accessToken);
        assertThat(verdict).isInstanceOfSatisfying(AuthorizationResult.Accepted.class,
                a -> assertThat(a.scopes()).containsExactly(SCOPE));

        assertThatThrownBy(() -> client.getResourceOauth2Token(r -> r.workloadIdentityToken(token)
                .resourceCredentialProviderName("wrong-secret").scopes(SCOPE).oauth2Flow(Oauth2FlowType.M2_M)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                        .contains("'wrong-secret'").contains("invalid_client").doesNotContain("not-the-secret-at-all"));
        assertThatThrownBy(() -> client.getResourceOauth2Token(r -> r.workloadIdentityToken(token)
                .resourceCredentialProviderName("resource-server").scopes(SCOPE)
                .oauth2Flow(Oauth2FlowType.USER_FEDERATION).resourceOauth2ReturnUrl("http://localhost:8081/callback")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                        .startsWith("oauth2Flow USER_FEDERATION is not served by the local AgentCore"));
    }

    @Test
    void itMountsBesideTheDataPlane() throws Exception {
        try (LocalAgentCore both = LocalAgentCore.start(LocalFixture.config().credentials(keys)
                .service(DataPlaneService.builder(new SessionHosts() {
                    @Override
                    public SessionHost hostFor(AgentRuntime runtime, RuntimeVersion version, SessionId session)
                            throws SessionHostException {
                        throw new SessionHostException(SessionHostException.Failure.START_FAILED, "no containers here");
                    }

                    @Override
                    public boolean stop(AgentRuntime runtime, SessionId session) {
                        return false;
                    }
                }).iam(iam).accessKeys(keys::principalOf).build())
                .service(IdentityService.builder().iam(iam).accessKeys(keys::principalOf).workloadIdentity("agent-hosted-elsewhere")
                        .build())
                .build())) {
            assertThat(both.routes()).containsEntry("POST /identities/GetWorkloadAccessToken", "GetWorkloadAccessToken")
                    .containsEntry("POST /identities/api-key", "GetResourceApiKey")
                    .containsEntry("POST /identities/oauth2/token", "GetResourceOauth2Token")
                    .containsValue("InvokeAgentRuntime");
        }
    }

    private AgentRuntime runtime(String name, Optional<String> jwtClient) {
        ObjectNode c = Response.JSON.createObjectNode();
        c.putObject("agentRuntimeArtifact").putObject("containerConfiguration").put("containerUri", LocalFixture.image("1"));
        c.put("roleArn", ROLE);
        c.putObject("networkConfiguration").put("networkMode", "PUBLIC");
        c.putObject("protocolConfiguration").put("serverProtocol", "HTTP");
        jwtClient.ifPresent(id -> {
            ObjectNode jwt = c.putObject("authorizerConfiguration").putObject("customJWTAuthorizer");
            jwt.put("discoveryUrl", oauth.discoveryUrl(POOL).toString());
            jwt.putArray("allowedClients").add(id);
        });
        AgentRuntime runtime = agentCore.registry().create(RuntimeName.of(name), RuntimeConfiguration.of(c), Map.of());
        LocalFixture.await(() -> agentCore.registry().resolve(runtime.id(), Qualifier.DEFAULT) instanceof Resolution.Found
                ? "READY" : "waiting", "READY");
        return runtime;
    }

    private static String workloadName(AgentRuntime runtime) {
        return runtime.workloadIdentity().name();
    }

    private String clientCredentialsToken() {
        var provider = new CredentialProvider.OAuth2Client("user-token", oauth.tokenEndpoint(POOL), CLIENT, SECRET);
        return new ClientCredentialsFetcher().accessToken(provider, List.of(SCOPE));
    }

    /** A POST signed by the SDK's own SigV4 signer as the execution role. */
    private HttpResponse<String> signedPost(String path, String json) throws Exception {
        URI uri = agentCore.endpoint().resolve(path);
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        SdkHttpRequest unsigned = SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(uri)
                .putHeader("Content-Type", "application/json").build();
        SignedRequest signed = AwsV4HttpSigner.create().sign(r -> r
                .identity(AwsBasicCredentials.create(ROLE_KEY, LocalFixture.SECRET_KEY))
                .request(unsigned)
                .payload(() -> new ByteArrayInputStream(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "bedrock-agentcore")
                .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1"));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        signed.request().headers().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("host")) {
                values.forEach(v -> request.header(name, v));
            }
        });
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private BedrockAgentCoreClient client(String accessKey) {
        return BedrockAgentCoreClient.builder().region(Region.US_EAST_1)
                .endpointOverride(agentCore.endpoint())
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey,
                        LocalFixture.SECRET_KEY)))
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .retryStrategy(retry -> retry.maxAttempts(1)).build())
                .build();
    }
}
