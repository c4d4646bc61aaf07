package dev.agentcore.local.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.agentcore.core.arn.PrincipalArn;
import dev.agentcore.core.runtime.SessionId;
import dev.agentcore.local.LocalFixture;
import dev.agentcore.local.auth.SigningCredentials;
import dev.agentcore.local.control.AgentRuntime;
import dev.agentcore.local.identity.CredentialProviders;
import dev.agentcore.local.identity.IdentityService;
import dev.agentcore.local.identity.WorkloadAccessTokens;
import dev.agentcore.local.identity.WorkloadUser;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.bedrockagentcore.BedrockAgentCoreClient;

/**
 * The container gets a workload access token in the {@code WorkloadAccessToken} header, issued by the identity
 * service's own store, so the agent can spend it there: the execution role's session (the key a session's process
 * holds) gets its API key with it through the real SDK.
 */
class WorkloadAccessTokenHeaderTest {

    static final String SESSION = "token-session-0123456789-0123456789-01";
    static final String ROLE_SESSION_KEY = "ASIAROLESESSIONKEY01";
    static final String DIRECTORY = "arn:aws:bedrock-agentcore:us-east-1:123456789012:workload-identity-directory/default";
    static final String VAULT = "arn:aws:bedrock-agentcore:us-east-1:123456789012:token-vault/default";

    private DataPlaneFixture fixture;
    private IdentityService identity;
    private ContractContainer container;
    private BedrockAgentCoreClient caller;

    @BeforeEach
    void start() throws Exception {
        fixture = new DataPlaneFixture(Duration.ofSeconds(5), f -> {
            identity = IdentityService.builder().iam(f.iam).accessKeys(f.keys::principalOf)
                    .credentialProviders(new CredentialProviders().apiKey("openai-key", "sk-local-0123456789"))
                    .build();
            return identity;
        }).callerMayInvoke();
        // The key of the session's process: the execution role in the session the data plane names.
        String roleSession = PrincipalArn.assumedRole(DataPlaneFixture.EXECUTION_ROLE,
                DataPlaneService.roleSessionName(new SessionId(SESSION))).toString();
        fixture.keys.register(SigningCredentials.longTerm(ROLE_SESSION_KEY, LocalFixture.SECRET_KEY,
                PrincipalArn.parse(roleSession).orElseThrow()));
        container = ContractContainer.start();
        caller = fixture.client();
    }

    @AfterEach
    void stop() {
        caller.close();
        container.close();
        fixture.close();
    }

    private void roleMay(String... actions) {
        fixture.iam.put(DataPlaneFixture.EXECUTION_ROLE, "execution", """
                {"Version": "2012-10-17", "Statement": [
                 {"Effect": "Allow", "Action": [%s], "Resource": ["%s", "%s/workload-identity/*"]},
                 {"Effect": "Allow", "Action": "bedrock-agentcore:GetResourceApiKey",
                  "Resource": ["%s", "%s/apikeycredentialprovider/*"]}]}"""
                .formatted(String.join(", ", java.util.Arrays.stream(actions).map(a -> "\"" + a + "\"").toList()),
                        DIRECTORY, DIRECTORY, VAULT, VAULT));
    }

    private String invoke(AgentRuntime runtime, String userId) {
        try (var answer = caller.invokeAgentRuntime(r -> r.agentRuntimeArn(runtime.arn().toString())
                .runtimeSessionId(SESSION).contentType("application/json").accept("application/json")
                .runtimeUserId(userId).payload(SdkBytes.fromUtf8String("{\"prompt\":\"hi\"}")))) {
            assertThat(new String(answer.readAllBytes(), StandardCharsets.UTF_8)).contains("hi");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return container.received().getLast().headers().getFirst(WorkloadTokenIssuer.HEADER);
    }

    @Test
    void aSigV4InvocationHandsTheContainerATokenTheIdentityServiceAccepts() {
        roleMay(DataPlaneService.WORKLOAD_TOKEN);
        AgentRuntime runtime = fixture.runtime("token_agent", DataPlaneFixture.configuration("HTTP", true), container);

        String token = invoke(runtime, null);

        assertThat(token).isNotBlank();
        try (BedrockAgentCoreClient agent = fixture.client(ROLE_SESSION_KEY)) {
            assertThat(agent.getResourceApiKey(r -> r.workloadIdentityToken(token)
                    .resourceCredentialProviderName("openai-key")).apiKey()).isEqualTo("sk-local-0123456789");
        }
        assertThat(identity.tokens().lookup(token, Instant.now())).isInstanceOfSatisfying(
                WorkloadAccessTokens.Lookup.Valid.class, v -> {
                    assertThat(v.grant().workloadIdentity()).isEqualTo(runtime.workloadIdentity());
                    assertThat(v.grant().user()).isEqualTo(new WorkloadUser.None());
                    assertThat(v.grant().issuedTo().session()).isEqualTo("BedrockAgentCore-" + SESSION);
                });
    }

    @Test
    void aRuntimeUserIdMakesItTheUsersTokenAsForUserIdDoes() {
        roleMay(DataPlaneService.WORKLOAD_TOKEN_FOR_USER_ID);
        AgentRuntime runtime = fixture.runtime("user_agent", DataPlaneFixture.configuration("HTTP", true), container);

        String token = invoke(runtime, "alice-user");

        assertThat(identity.tokens().lookup(token, Instant.now())).isInstanceOfSatisfying(
                WorkloadAccessTokens.Lookup.Valid.class,
                v -> assertThat(v.grant().user()).isEqualTo(new WorkloadUser.UserId("alice-user")));
    }

    @Test
    void aRoleThatMayNotGetTheTokenLeavesTheHeaderOut() {
        roleMay(DataPlaneService.WORKLOAD_TOKEN_FOR_USER_ID);   // not the plain GetWorkloadAccessToken
        AgentRuntime runtime = fixture.runtime("no_token_agent", DataPlaneFixture.configuration("HTTP", true),
                container);

        assertThat(invoke(runtime, null)).isNull();
    }
}
