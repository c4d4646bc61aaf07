package dev.agentcore.local.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.agentcore.client.auth.BearerToken;
import dev.agentcore.client.diagnosis.Diagnostician;
import dev.agentcore.client.diagnosis.FailureContext;
import dev.agentcore.client.diagnosis.RuntimeDirectory;
import dev.agentcore.client.http.RequestView;
import dev.agentcore.client.http.ResponseView;
import dev.agentcore.client.invoke.AuthMode;
import dev.agentcore.client.invoke.InvocationFailure;
import dev.agentcore.client.report.Diagnosis;
import dev.agentcore.client.runtime.InvocationTarget;
import dev.agentcore.core.runtime.ServerProtocol;
import dev.agentcore.local.control.AgentRuntime;
import dev.agentcore.localoauth.http.LocalOAuthServer;
import dev.agentcore.localoauth.pool.AppClient;
import dev.agentcore.localoauth.pool.InMemoryUserPools;
import dev.agentcore.localoauth.pool.UserPool;
import dev.agentcore.localoauth.pool.UserPoolId;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The seed's story, replayed locally: an MCP runtime {@code mcp_echo} behind a JWT authorizer whose execution role has
 * the tutorial's placeholder grant {@code workload-identity/agentName-*}. A client-credentials token from the local
 * Cognito-compatible token endpoint, tools/list over plain HTTP: 403 with IAM's text, which the client's diagnosis
 * reads to name the grant and policy-lint; the corrected role answers the tool list.
 */
class SeedReplayTest {

    static final UserPoolId POOL = UserPoolId.of("us-east-1_SeedPool01");
    static final String CLIENT = "5e3d2c1b0a9z8y7x6w5v4u3t2s";
    static final String SECRET = "s33ds3cr3tf0rth3m4ch1n3cl13nt";
    static final String SCOPE = "agentcore/mcp";

    /** The tutorial's policy: the workload identity named by a placeholder, not by the runtime. */
    static final String TUTORIAL_POLICY = """
            {"Version": "2012-10-17", "Statement": [{"Sid": "GetAgentAccessToken", "Effect": "Allow",
             "Action": ["bedrock-agentcore:GetWorkloadAccessToken", "bedrock-agentcore:GetWorkloadAccessTokenForJWT",
                        "bedrock-agentcore:GetWorkloadAccessTokenForUserId"],
             "Resource": ["arn:aws:bedrock-agentcore:us-east-1:123456789012:workload-identity-directory/default",
                          "arn:aws:bedrock-agentcore:us-east-1:123456789012:workload-identity-directory/default/workload-identity/%s-*"]}]}""";

    private DataPlaneFixture fixture;
    private ContractContainer container;
    private LocalOAuthServer oauth;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        fixture = new DataPlaneFixture();
        container = ContractContainer.start();
        oauth = LocalOAuthServer.builder(new InMemoryUserPools().add(UserPool.withoutDomain(POOL))
                .add(AppClient.machine(POOL, CLIENT, SECRET, List.of(SCOPE)))).build();
        oauth.start(0);
    }

    @AfterEach
    void stop() {
        oauth.stop();
        container.close();
        fixture.close();
    }

    private AgentRuntime mcpEcho() {
        ObjectNode c = DataPlaneFixture.configuration("MCP", true);
        ObjectNode jwt = c.putObject("authorizerConfiguration").putObject("customJWTAuthorizer");
        jwt.put("discoveryUrl", oauth.discoveryUrl(POOL).toString());
        jwt.putArray("allowedClients").add(CLIENT);
        return fixture.runtime("mcp_echo", c, container);
    }

    @Test
    void thePlaceholderGrantIsRefusedAsAwsDoesAndTheCorrectedRoleAnswersTheToolList() throws Exception {
        AgentRuntime runtime = mcpEcho();
        fixture.iam.put(DataPlaneFixture.EXECUTION_ROLE, "workload-identity", TUTORIAL_POLICY.formatted("agentName"));
        String token = clientCredentialsToken();

        HttpRequest request = toolsList(runtime, token);
        HttpResponse<String> refused = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("x-amzn-ErrorType")).contains("AccessDeniedException");
        String message = ContractContainer.JSON.readTree(refused.body()).path("message").asString();
        assertThat(message).startsWith("User: arn:aws:sts::123456789012:assumed-role/mcp_echo_execution/BedrockAgentCore-")
                .endsWith(" is not authorized to perform: bedrock-agentcore:GetWorkloadAccessTokenForJWT on resource: "
                        + runtime.workloadIdentity() + " because no identity-based policy allows the "
                        + "bedrock-agentcore:GetWorkloadAccessTokenForJWT action");
        assertThat(container.received()).as("refused before the container").isEmpty();

        Diagnosis diagnosis = diagnose(runtime, request, refused, token);
        assertThat(diagnosis.causes().getFirst().ruleId()).contains("AC230");
        assertThat(diagnosis.causes().getFirst().cause()).contains("role mcp_echo_execution")
                .contains("GetWorkloadAccessTokenForJWT").contains(runtime.workloadIdentity().toString());
        assertThat(diagnosis.causes().getFirst().nextStep()).contains("policy-lint")
                .contains("workload-identity/agentName-*")
                .contains("--role-name mcp_echo_execution");

        fixture.iam.put(DataPlaneFixture.EXECUTION_ROLE, "workload-identity", TUTORIAL_POLICY.formatted("mcp_echo"));
        HttpResponse<String> answered = http.send(toolsList(runtime, token), HttpResponse.BodyHandlers.ofString());
        assertThat(answered.statusCode()).isEqualTo(200);
        JsonNode tools = ContractContainer.JSON.readTree(answered.body()).path("result").path("tools");
        assertThat(tools).hasSize(1);
        assertThat(tools.get(0).path("name").asString()).isEqualTo("echo");
        assertThat(answered.headers().firstValue("Mcp-Session-Id")).contains("mcp-session-1");
        assertThat(answered.headers().firstValue("X-Amzn-Bedrock-AgentCore-Runtime-Session-Id")).isPresent();
        assertThat(container.received().getFirst().path()).isEqualTo("/mcp");
        // The caller's token reaches the container only when the runtime allows Authorization through.
        assertThat(container.received().getFirst().headers().containsKey("Authorization")).isFalse();
    }

    @Test
    void aBearerTokenToASigV4RuntimeIsAnAuthorizationMethodMismatch() throws Exception {
        AgentRuntime runtime = fixture.runtime("sigv4_only", DataPlaneFixture.configuration("MCP", true), container);
        HttpResponse<String> answer = http.send(toolsList(runtime, clientCredentialsToken()),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(answer.headers().firstValue("x-amzn-ErrorType")).contains("AccessDeniedException");
        assertThat(answer.body()).contains("Authorization method mismatch.");
    }

    @Test
    void aJwtRuntimeCalledWithoutATokenAnswersTheAuthorizers401() throws Exception {
        AgentRuntime runtime = mcpEcho();
        HttpRequest unsigned = HttpRequest.newBuilder(invocationUri(runtime)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build();
        HttpResponse<String> answer = http.send(unsigned, HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.headers().firstValue("x-amzn-ErrorType")).contains("UnauthorizedException");
        assertThat(answer.body()).contains("JWT bearer token is invalid or not found for OAuth bearer token based access");
    }

    private String clientCredentialsToken() throws Exception {
        String basic = Base64.getEncoder().encodeToString((CLIENT + ":" + SECRET).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(oauth.tokenEndpoint(POOL))
                .header("Authorization", "Basic " + basic).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=" + SCOPE)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return ContractContainer.JSON.readTree(answer.body()).path("access_token").asString();
    }

    private URI invocationUri(AgentRuntime runtime) {
        return fixture.agentCore.endpoint().resolve("/runtimes/"
                + URLEncoder.encode(runtime.arn().toString(), StandardCharsets.UTF_8) + "/invocations?qualifier=DEFAULT");
    }

    private HttpRequest toolsList(AgentRuntime runtime, String token) {
        return HttpRequest.newBuilder(invocationUri(runtime))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}"))
                .build();
    }

    private static Diagnosis diagnose(AgentRuntime runtime, HttpRequest request, HttpResponse<String> response,
                                      String token) {
        RequestView sent = new RequestView(request.method(), request.uri(), request.headers().map());
        ResponseView got = new ResponseView(response.statusCode(), response.headers().map(), response.body());
        InvocationFailure failure = InvocationFailure.response(AuthMode.BEARER, sent, got);
        FailureContext context = FailureContext.builder(failure, InvocationTarget.of(runtime.arn(), "DEFAULT"))
                .token(BearerToken.of(token, "client credentials")).protocol(ServerProtocol.MCP).build();
        return new Diagnostician(RuntimeDirectory.none("not looked up in this test"), Clock.systemUTC()).diagnose(context);
    }

}
