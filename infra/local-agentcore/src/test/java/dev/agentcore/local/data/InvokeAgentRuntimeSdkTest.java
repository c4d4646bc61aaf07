package dev.agentcore.local.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.agentcore.local.control.AgentRuntime;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.bedrockagentcore.BedrockAgentCoreClient;
import software.amazon.awssdk.services.bedrockagentcore.model.AccessDeniedException;
import software.amazon.awssdk.services.bedrockagentcore.model.ResourceNotFoundException;
import software.amazon.awssdk.services.bedrockagentcore.model.RuntimeClientErrorException;
import software.amazon.awssdk.services.bedrockagentcore.model.ValidationException;
import tools.jackson.databind.node.ObjectNode;

/** InvokeAgentRuntime through the real AWS SDK for Java (SigV4), against runtimes served by real loopback containers. */
class InvokeAgentRuntimeSdkTest {

    private DataPlaneFixture fixture;
    private ContractContainer container;
    private BedrockAgentCoreClient client;

    @BeforeEach
    void start() throws Exception {
        fixture = new DataPlaneFixture(Duration.ofMillis(500)).callerMayInvoke();
        container = ContractContainer.start();
        client = fixture.client();
    }

    @AfterEach
    void stop() {
        client.close();
        container.close();
        fixture.close();
    }

    private AgentRuntime httpRuntime(String name) {
        ObjectNode c = DataPlaneFixture.configuration("HTTP", true);
        c.putObject("requestHeaderConfiguration").putArray("requestHeaderAllowlist")
                .add("X-Amzn-Bedrock-AgentCore-Runtime-Custom-Tenant");
        return fixture.runtime(name, c, container);
    }

    @Test
    void anHttpRuntimeAnswersThroughTheSdkWithTheSessionItWasGiven() throws Exception {
        AgentRuntime runtime = httpRuntime("hello_agent");
        String session = "session-0123456789-0123456789-0123456789";
        try (var answer = client.invokeAgentRuntime(r -> r.agentRuntimeArn(runtime.arn().toString()).qualifier("DEFAULT")
                .runtimeSessionId(session).contentType("application/json").accept("application/json")
                .runtimeUserId("alice-user")
                .overrideConfiguration(o -> o.putHeader("X-Amzn-Bedrock-AgentCore-Runtime-Custom-Tenant", "t1")
                        .putHeader("X-Amzn-Bedrock-AgentCore-Runtime-Custom-Other", "o1"))
                .payload(SdkBytes.fromUtf8String("{\"prompt\":\"hi\"}")))) {
            assertThat(new String(answer.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("{\"echo\":{\"prompt\":\"hi\"}}");
            assertThat(answer.response().runtimeSessionId()).isEqualTo(session);
            assertThat(answer.response().contentType()).isEqualTo("application/json");
            assertThat(answer.response().statusCode()).isEqualTo(200);
        }
        var received = container.received().getFirst();
        assertThat(received.path()).isEqualTo("/invocations");
        assertThat(received.headers().getFirst("X-Amzn-Bedrock-AgentCore-Runtime-Session-Id")).isEqualTo(session);
        assertThat(received.headers().getFirst("X-Amzn-Bedrock-AgentCore-Runtime-User-Id")).isEqualTo("alice-user");
        assertThat(received.headers().getFirst("X-Amzn-Bedrock-AgentCore-Runtime-Custom-Tenant")).isEqualTo("t1");
        // Not in the runtime's allowlist, and the caller's signature never reaches the container.
        assertThat(received.headers().containsKey("X-Amzn-Bedrock-AgentCore-Runtime-Custom-Other")).isFalse();
        assertThat(received.headers().containsKey("Authorization")).isFalse();
    }

    @Test
    void aRuntimeIdWorksAsWellAsItsArnAndTheSessionSticks() throws Exception {
        AgentRuntime runtime = httpRuntime("by_id");
        String first;
        try (var answer = client.invokeAgentRuntime(r -> r.agentRuntimeArn(runtime.id().value()).accountId("123456789012")
                .payload(SdkBytes.fromUtf8String("{}")))) {
            answer.readAllBytes();
            first = answer.response().runtimeSessionId();
        }
        // The SDK fills a UUID as the model's idempotency token; the data plane answers the session it used.
        assertThat(first).hasSizeGreaterThanOrEqualTo(33);
        try (var again = client.invokeAgentRuntime(r -> r.agentRuntimeArn(runtime.arn().toString()).runtimeSessionId(first)
                .payload(SdkBytes.fromUtf8String("{}")))) {
            again.readAllBytes();
            assertThat(again.response().runtimeSessionId()).isEqualTo(first);
        }
        assertThat(fixture.hosts.sessions).containsOnlyKeys(new dev.agentcore.core.runtime.SessionId(first));
    }

    @Test
    void sseIsPassedThroughAsItStreams() throws Exception {
        AgentRuntime runtime = httpRuntime("streaming");
        try (var answer = client.invokeAgentRuntime(r -> r.agentRuntimeArn(runtime.arn().toString())
                .accept("text/event-stream").payload(SdkBytes.fromUtf8String("{\"waitForRelease\":true}")));
             var lines = new BufferedReader(new InputStreamReader(answer, StandardCharsets.UTF_8))) {
            assertThat(answer.response().contentType()).isEqualTo("text/event-stream");
            // The container holds its second event until released: the first must arrive before it.
            assertThat(lines.readLine()).isEqualTo("data: {\"event\":1}");
            container.release();
            assertThat(lines.readLine()).isEmpty();
            assertThat(lines.readLine()).isEqualTo("data: {\"event\":2}");
        }
    }

    @Test
    void anUnknownRuntimeOrQualifierIsNotFound() {
        AgentRuntime runtime = httpRuntime("known");
        String unknown = "arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/missing-AbCdE12345";
        assertThatThrownBy(() -> client.invokeAgentRuntime(r -> r.agentRuntimeArn(unknown)
                .payload(SdkBytes.fromUtf8String("{}"))))
                .isInstanceOf(ResourceNotFoundException.class)
                .satisfies(e -> assertError(e, 404, "ResourceNotFoundException",
                        "No endpoint or agent found with qualifier 'DEFAULT' for agent " + unknown));
        assertThatThrownBy(() -> client.invokeAgentRuntime(r -> r.agentRuntimeArn(runtime.arn().toString())
                .qualifier("prod").payload(SdkBytes.fromUtf8String("{}"))))
                .isInstanceOf(ResourceNotFoundException.class)
                .satisfies(e -> assertError(e, 404, "ResourceNotFoundException",
                        "No endpoint or agent found with qualifier 'prod' for agent " + runtime.arn()));
    }

    @Test
    void aContainerErrorIs424WithoutItsBody() {
        AgentRuntime runtime = httpRuntime("failing");
        assertThatThrownBy(() -> client.invokeAgentRuntime(r -> r.agentRuntimeArn(runtime.arn().toString())
                .payload(SdkBytes.fromUtf8String("{\"status\":500}"))))
                .isInstanceOf(RuntimeClientErrorException.class)
                .satisfies(e -> assertError(e, 424, "RuntimeClientError",
                        "Received error (500) from runtime. Please check your CloudWatch logs for more information."));
    }

    @Test
    void aContainerThatDoesNotAnswerPingInTimeIsAnInitializationTimeout() throws Exception {
        try (ContractContainer slow = ContractContainer.slowToStart(Duration.ofSeconds(3))) {
            AgentRuntime runtime = fixture.runtime("slow_start", DataPlaneFixture.configuration("HTTP", true), slow);
            assertThatThrownBy(() -> client.invokeAgentRuntime(r -> r.agentRuntimeArn(runtime.arn().toString())
                    .payload(SdkBytes.fromUtf8String("{}"))))
                    .isInstanceOf(RuntimeClientErrorException.class)
                    .satisfies(e -> assertError(e, 424, "RuntimeClientError",
                            "Runtime initialization time exceeded. Please make sure that initialization completes in 30s."));
        }
    }

    @Test
    void sigV4ToAJwtRuntimeIsAnAuthorizationMethodMismatch() {
        ObjectNode c = DataPlaneFixture.configuration("HTTP", true);
        c.putObject("authorizerConfiguration").putObject("customJWTAuthorizer")
                .put("discoveryUrl", "http://127.0.0.1:1/pool/.well-known/openid-configuration");
        AgentRuntime runtime = fixture.runtime("jwt_only", c, container);
        assertThatThrownBy(() -> client.invokeAgentRuntime(r -> r.agentRuntimeArn(runtime.arn().toString())
                .payload(SdkBytes.fromUtf8String("{}"))))
                .isInstanceOf(AccessDeniedException.class)
                .satisfies(e -> assertError(e, 403, "AccessDeniedException", "Authorization method mismatch. The agent "
                        + "is configured for a different authorization method than what was used in your request. Check "
                        + "the agent's authorization configuration and ensure your request uses the matching method "
                        + "(OAuth or SigV4)"));
    }

    @Test
    void aRuntimeWithoutMmdsV2IsRefused() {
        AgentRuntime runtime = fixture.runtime("no_mmds", DataPlaneFixture.configuration("HTTP", false), container);
        assertThatThrownBy(() -> client.invokeAgentRuntime(r -> r.agentRuntimeArn(runtime.arn().toString())
                .payload(SdkBytes.fromUtf8String("{}"))))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertError(e, 400, "ValidationException", "This runtime is not MMDSv2-enabled"));
        assertThat(container.received()).isEmpty();
    }

    @Test
    void aShortSessionIdIsRefused() {
        AgentRuntime runtime = httpRuntime("short_session");
        assertThatThrownBy(() -> client.invokeAgentRuntime(r -> r.agentRuntimeArn(runtime.arn().toString())
                .runtimeSessionId("too-short").payload(SdkBytes.fromUtf8String("{}"))))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertError(e, 400, "ValidationException", "1 validation error detected: Value at "
                        + "'runtimeSessionId' failed to satisfy constraint: Member must have length greater than or equal to 33"));
    }

    @Test
    void theCallerNeedsInvokeOnTheEndpointToo() {
        AgentRuntime runtime = httpRuntime("endpoint_grant");
        fixture.iam.clear(DataPlaneFixture.CALLER).put(DataPlaneFixture.CALLER, "runtime-only", """
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "bedrock-agentcore:InvokeAgentRuntime",
                 "Resource": "%s"}]}""".formatted(runtime.arn()));
        assertThatThrownBy(() -> client.invokeAgentRuntime(r -> r.agentRuntimeArn(runtime.arn().toString())
                .payload(SdkBytes.fromUtf8String("{}"))))
                .isInstanceOf(AccessDeniedException.class)
                .satisfies(e -> assertError(e, 403, "AccessDeniedException", "User: " + DataPlaneFixture.CALLER
                        + " is not authorized to perform: bedrock-agentcore:InvokeAgentRuntime on resource: "
                        + runtime.arn() + "/runtime-endpoint/DEFAULT because no identity-based policy allows the "
                        + "bedrock-agentcore:InvokeAgentRuntime action"));
        assertThat(container.received()).isEmpty();
    }

    @Test
    void namingAUserNeedsInvokeForUserToo() {
        AgentRuntime runtime = httpRuntime("for_user");
        fixture.iam.clear(DataPlaneFixture.CALLER).put(DataPlaneFixture.CALLER, "invoke-only", """
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "bedrock-agentcore:InvokeAgentRuntime",
                 "Resource": "*"}]}""");
        assertThatThrownBy(() -> client.invokeAgentRuntime(r -> r.agentRuntimeArn(runtime.arn().toString())
                .runtimeUserId("bob").payload(SdkBytes.fromUtf8String("{}"))))
                .satisfies(e -> assertError(e, 403, "AccessDeniedException", "User: " + DataPlaneFixture.CALLER
                        + " is not authorized to perform: bedrock-agentcore:InvokeAgentRuntimeForUser on resource: "
                        + runtime.arn() + " because no identity-based policy allows the "
                        + "bedrock-agentcore:InvokeAgentRuntimeForUser action"));
    }

    @Test
    void anAccessKeyNobodyOwnsIsUnrecognized() {
        AgentRuntime runtime = httpRuntime("stranger");
        try (BedrockAgentCoreClient stranger = fixture.client("AKIDNOBODYOWNSTHIS")) {
            assertThatThrownBy(() -> stranger.invokeAgentRuntime(r -> r.agentRuntimeArn(runtime.arn().toString())
                    .payload(SdkBytes.fromUtf8String("{}"))))
                    .satisfies(e -> assertError(e, 403, "UnrecognizedClientException",
                            "The security token included in the request is invalid."));
        }
    }

    static void assertError(Throwable thrown, int status, String type, String message) {
        AwsServiceException e = (AwsServiceException) thrown;
        assertThat(e.statusCode()).isEqualTo(status);
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo(type);
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(message);
    }
}
