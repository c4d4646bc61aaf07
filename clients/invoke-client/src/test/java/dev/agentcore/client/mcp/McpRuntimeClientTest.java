package dev.agentcore.client.mcp;

import dev.agentcore.client.runtime.EndpointOrigin;
import dev.agentcore.core.runtime.ServerProtocol;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.agentcore.client.Jwts;
import dev.agentcore.client.auth.TokenSource;
import dev.agentcore.client.diagnosis.Diagnostician;
import dev.agentcore.client.diagnosis.FailureContext;
import dev.agentcore.client.diagnosis.RuntimeDirectory;
import dev.agentcore.client.invoke.InvocationFailure;
import dev.agentcore.client.invoke.RetryListener;
import dev.agentcore.client.invoke.RetryPolicy;
import dev.agentcore.client.report.Diagnosis;
import dev.agentcore.client.report.DiagnosisReport;
import dev.agentcore.client.runtime.InvocationTarget;
import dev.agentcore.core.arn.RuntimeArn;
import dev.agentcore.core.runtime.SessionId;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** The MCP Java SDK client against a real MCP server on loopback, through the AgentCore invoke path. */
class McpRuntimeClientTest {

    static final RuntimeArn ARN = RuntimeArn.parse("arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/mcp_echo-N0geaLEEPE");
    static final Duration TIMEOUT = Duration.ofSeconds(10);
    static LoopbackMcpRuntime runtime;
    static String token;

    @BeforeAll
    static void start() throws Exception {
        runtime = new LoopbackMcpRuntime(ARN);
        token = Jwts.accessToken(Instant.now().plusSeconds(3600));
    }

    @AfterAll
    static void stop() throws Exception {
        runtime.close();
    }

    @BeforeEach
    void reset() {
        runtime.auth = LoopbackMcpRuntime.Auth.BEARER;
        runtime.acceptedToken = token;
        runtime.forcedAnswer = null;
        runtime.busyAnswers.set(0);
        runtime.posts.set(0);
    }

    InvocationTarget target() {
        return InvocationTarget.at(ARN, "DEFAULT", URI.create(runtime.baseUrl()), EndpointOrigin.flag("--endpoint-url"));
    }

    @Test
    void listsAndCallsToolsWithABearerToken() throws Exception {
        SessionId session = SessionId.generate();
        try (McpRuntimeClient client = McpRuntimeClient.connect(target(),
                RequestAuthenticator.bearer(TokenSource.fixed(token, "--token")), session, Map.of(
                        "X-Amzn-Bedrock-AgentCore-Runtime-Custom-Tenant", "acme"), TIMEOUT)) {
            assertThat(client.serverInfo().serverInfo().name()).isEqualTo("loopback-echo");
            assertThat(client.listTools()).extracting(McpSchema.Tool::name).containsExactly("echo");
            McpSchema.CallToolResult result = client.callTool("echo", Map.of("text", "hi"));
            assertThat(((McpSchema.TextContent) result.content().getFirst()).text()).isEqualTo("echo: hi");
        }
        assertThat(runtime.lastHeaders).containsEntry("x-amzn-bedrock-agentcore-runtime-session-id", session.value())
                .containsEntry("x-amzn-bedrock-agentcore-runtime-custom-tenant", "acme")
                .containsEntry("authorization", "Bearer " + token);
    }

    @Test
    void signsEachMcpRequestWithSigV4() throws Exception {
        runtime.auth = LoopbackMcpRuntime.Auth.SIGV4;
        RequestAuthenticator sigV4 = RequestAuthenticator.sigV4(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret")), "us-east-1");
        try (McpRuntimeClient client = McpRuntimeClient.connect(target(), sigV4, SessionId.generate(), Map.of(), TIMEOUT)) {
            assertThat(client.listTools()).hasSize(1);
        }
        assertThat(runtime.lastHeaders.get("authorization"))
                .startsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/").contains("/us-east-1/bedrock-agentcore/aws4_request");
    }

    @Test
    void talksToALocalContainerAtSlashMcpWithoutAuthentication() throws Exception {
        InvocationTarget local = InvocationTarget.direct(URI.create(runtime.baseUrl() + "/mcp"), EndpointOrigin.flag("--local"));
        try (McpRuntimeClient client = McpRuntimeClient.connect(local, RequestAuthenticator.none(),
                SessionId.generate(), Map.of(), TIMEOUT)) {
            assertThat(client.callTool("echo", Map.of("text", "local")).content()).hasSize(1);
        }
    }

    static RetryPolicy fastRetries() {
        return new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(40), new java.util.Random(3), d -> Thread.sleep(d));
    }

    @Test
    void aBusySessionIsRetriedForMcpMessagesToo() throws Exception {
        runtime.busyAnswers.set(2); // initialize is refused twice, then answered
        java.util.List<String> notices = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (McpRuntimeClient client = McpRuntimeClient.builder(target(), RequestAuthenticator.bearer(TokenSource.fixed(token, "--token")))
                .timeout(TIMEOUT).retries(fastRetries(), (failure, attempt, max, wait) ->
                        notices.add(failure.status() + " " + failure.error().orElseThrow().type() + " attempt " + attempt + " of " + max))
                .connect()) {
            assertThat(client.listTools()).hasSize(1);
        }
        assertThat(notices).containsExactly("409 RetryableConflictException attempt 2 of 3",
                "409 RetryableConflictException attempt 3 of 3");
    }

    @Test
    void anMcpSessionBusyThroughEveryAttemptIsDiagnosedWithTheCount() {
        runtime.busyAnswers.set(10);
        InvocationFailure failure = catchThrowableOfType(InvocationFailure.class, () -> McpRuntimeClient.builder(target(),
                        RequestAuthenticator.bearer(TokenSource.fixed(token, "--token")))
                .timeout(TIMEOUT).retries(fastRetries(), RetryListener.silent()).connect());

        assertThat(runtime.posts.get()).isEqualTo(3);
        assertThat(failure.status()).isEqualTo(409);
        assertThat(failure.attempts()).isEqualTo(3);
        Diagnosis diagnosis = new Diagnostician(RuntimeDirectory.none("off"), Clock.systemUTC())
                .diagnose(FailureContext.builder(failure, target()).protocol(ServerProtocol.MCP).timeout(TIMEOUT).build());
        assertThat(diagnosis.causes().getFirst().ruleId()).isEqualTo("AC640");
        assertThat(diagnosis.causes().getFirst().cause()).contains("through 3 attempts");
    }

    @Test
    void rejectedTokenComesBackWithTheFullExchangeForTheDiagnosis() throws Exception {
        String idToken = Jwts.idToken(Instant.now().plusSeconds(3600));
        InvocationFailure failure = catchThrowableOfType(InvocationFailure.class, () -> McpRuntimeClient.connect(target(),
                RequestAuthenticator.bearer(TokenSource.fixed(idToken, "--token")), SessionId.generate(), Map.of(), TIMEOUT));

        assertThat(failure.status()).isEqualTo(401);
        assertThat(failure.httpResponse().get().header("WWW-Authenticate")).get().asString().contains("resource_metadata=");
        Diagnosis diagnosis = new Diagnostician(RuntimeDirectory.none("lookups off"), Clock.systemUTC()).diagnose(
                FailureContext.builder(failure, target())
                        .token(dev.agentcore.client.auth.BearerToken.of(idToken, "--token"))
                        .protocol(ServerProtocol.MCP).timeout(TIMEOUT).build());
        assertThat(diagnosis.causes().getFirst().cause()).contains("ID token");
        String verbose = DiagnosisReport.render(diagnosis, true);
        assertThat(verbose).contains("POST " + runtime.baseUrl() + "/runtimes/" + ARN.urlEncoded() + "/invocations?qualifier=DEFAULT")
                .containsIgnoringCase("WWW-Authenticate: Bearer resource_metadata=").contains("token_use:  id")
                .doesNotContain(idToken);
    }

    @Test
    void sigV4AgainstAnOAuthMcpRuntimeIsAMethodMismatch() {
        InvocationFailure failure = catchThrowableOfType(InvocationFailure.class, () -> McpRuntimeClient.connect(target(),
                RequestAuthenticator.sigV4(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret")),
                        "us-east-1"), SessionId.generate(), Map.of(), TIMEOUT));
        Diagnosis diagnosis = new Diagnostician(RuntimeDirectory.none("off"), Clock.systemUTC())
                .diagnose(FailureContext.builder(failure, target()).protocol(ServerProtocol.MCP).timeout(TIMEOUT).build());
        assertThat(diagnosis.causes()).hasSize(1);
        assertThat(diagnosis.causes().getFirst().cause()).contains("configured for OAuth");
    }

    @Test
    void containerFailureWrappedAsJsonRpcIsARuntimeClientError() {
        runtime.forcedAnswer = Map.entry(424, "{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32010,"
                + "\"message\":\"Received error (404) from runtime. Please check your CloudWatch logs for more information.\"}}");
        InvocationFailure failure = catchThrowableOfType(InvocationFailure.class, () -> McpRuntimeClient.connect(target(),
                RequestAuthenticator.bearer(TokenSource.fixed(token, "--token")), SessionId.generate(), Map.of(), TIMEOUT));
        Diagnosis diagnosis = new Diagnostician(RuntimeDirectory.none("off"), Clock.systemUTC())
                .diagnose(FailureContext.builder(failure, target()).protocol(ServerProtocol.MCP).timeout(TIMEOUT).build());
        assertThat(diagnosis.causes().getFirst().cause()).contains("does not serve POST /mcp on port 8000");
        assertThat(diagnosis.causes().getFirst().nextStep()).contains("/aws/bedrock-agentcore/runtimes/mcp_echo-N0geaLEEPE-DEFAULT");
    }

    @Test
    void anEndpointUrlWithAPathKeepsItsPathAsTheAgentCallsDo() {
        // --endpoint-url https://proxy.example/agentcore: the SDK and the agent invoker put /runtimes/... under it.
        WireMockServer proxy = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        proxy.start();
        try {
            proxy.stubFor(post(urlPathMatching(".*")).willReturn(aResponse().withStatus(404)
                    .withHeader("x-amzn-ErrorType", "ResourceNotFoundException").withBody("{\"message\":\"not here\"}")));
            InvocationTarget prefixed = InvocationTarget.at(ARN, "DEFAULT", URI.create(proxy.baseUrl() + "/agentcore"), EndpointOrigin.flag("--endpoint-url"));
            InvocationFailure failure = catchThrowableOfType(InvocationFailure.class, () -> McpRuntimeClient.connect(prefixed,
                    RequestAuthenticator.bearer(TokenSource.fixed(token, "--token")), SessionId.generate(), Map.of(), TIMEOUT));

            String expected = "/agentcore/runtimes/" + ARN.urlEncoded() + "/invocations?qualifier=DEFAULT";
            assertThat(failure).isNotNull();
            assertThat(failure.request().uri()).hasToString(proxy.baseUrl() + expected);
            assertThat(failure.request().uri()).isEqualTo(prefixed.invocationUri());
            proxy.verify(postRequestedFor(urlEqualTo(expected)));
        } finally {
            proxy.stop();
        }
    }

    @Test
    void unknownToolIsAJsonRpcErrorNotATransportFailure() throws Exception {
        try (McpRuntimeClient client = McpRuntimeClient.connect(target(),
                RequestAuthenticator.bearer(TokenSource.fixed(token, "--token")), SessionId.generate(), Map.of(), TIMEOUT)) {
            McpCallException e = catchThrowableOfType(McpCallException.class, () -> client.callTool("nope", Map.of()));
            assertThat(e.getMessage()).contains("Unknown tool");
        }
    }
}
