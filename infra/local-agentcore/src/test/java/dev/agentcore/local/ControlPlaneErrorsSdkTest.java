package dev.agentcore.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.ThrowingSupplier;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.bedrockagentcorecontrol.BedrockAgentCoreControlClient;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.AgentRuntimeArtifact;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.AuthorizerConfiguration;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.ConflictException;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.CreateAgentRuntimeRequest;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.RequestHeaderConfiguration;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.ServerProtocol;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.UpdateAgentRuntimeRequest;

/**
 * Every refusal of the runtime operations as the real AWS SDK for Java sees it: HTTP status, the error type the SDK
 * reads from {@code x-amzn-ErrorType}, and the message.
 */
class ControlPlaneErrorsSdkTest {

    static LocalAgentCore agentCore;
    static BedrockAgentCoreControlClient control;
    static String readyId;

    static final String NAME_PATTERN = "[a-zA-Z][a-zA-Z0-9_]{0,47}";

    @BeforeAll
    static void start() throws Exception {
        agentCore = LocalFixture.start();
        control = LocalFixture.client(agentCore);
        readyId = control.createAgentRuntime(LocalFixture.create("taken").build()).agentRuntimeId();
        LocalFixture.await(() -> control.getAgentRuntime(r -> r.agentRuntimeId(readyId)).statusAsString(), "READY");
    }

    @AfterAll
    static void stop() {
        control.close();
        agentCore.close();
    }

    static AwsServiceException refused(ThrowingSupplier<?> call) {
        AwsServiceException e = catchThrowableOfType(AwsServiceException.class, () -> call.get());
        assertThat(e).as("the call was refused").isNotNull();
        assertThat(e.awsErrorDetails().sdkHttpResponse().firstMatchingHeader("x-amzn-ErrorType"))
                .contains(e.awsErrorDetails().errorCode());
        return e;
    }

    static void assertRefused(ThrowingSupplier<?> call, int status, String type, String message) {
        AwsServiceException e = refused(call);
        assertThat(e.statusCode()).isEqualTo(status);
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo(type);
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(message);
    }

    static CreateAgentRuntimeRequest.Builder valid() {
        return LocalFixture.create("fresh_name");
    }

    @Test
    void aNameOutsideThePatternIsAValidationError() {
        assertRefused(() -> control.createAgentRuntime(LocalFixture.create("hello-agent").build()), 400,
                "ValidationException", "1 validation error detected: Value 'hello-agent' at 'agentRuntimeName' failed"
                        + " to satisfy constraint: Member must satisfy regular expression pattern: " + NAME_PATTERN);
        String long49 = "a".repeat(49);
        assertRefused(() -> control.createAgentRuntime(LocalFixture.create(long49).build()), 400,
                "ValidationException", "1 validation error detected: Value '" + long49 + "' at 'agentRuntimeName'"
                        + " failed to satisfy constraint: Member must satisfy regular expression pattern: " + NAME_PATTERN);
    }

    @Test
    void everyViolationIsReportedAtOnceAndAMissingMemberIsNull() {
        assertRefused(() -> control.createAgentRuntime(CreateAgentRuntimeRequest.builder().agentRuntimeName("9lives")
                        .agentRuntimeArtifact(AgentRuntimeArtifact.fromContainerConfiguration(c -> c.containerUri(
                                LocalFixture.image("1")))).build()), 400,
                "ValidationException", "2 validation errors detected: Value '9lives' at 'agentRuntimeName' failed to"
                        + " satisfy constraint: Member must satisfy regular expression pattern: " + NAME_PATTERN
                        + "; Value null at 'roleArn' failed to satisfy constraint: Member must not be null");
    }

    @Test
    void aRoleArnThatDoesNotParseIsAValidationError() {
        assertRefused(() -> control.createAgentRuntime(valid().roleArn("hello_agent_execution").build()), 400,
                "ValidationException", "1 validation error detected: Value 'hello_agent_execution' at 'roleArn' failed"
                        + " to satisfy constraint: Member must satisfy regular expression pattern:"
                        + " arn:aws(-[^:]+)?:iam::([0-9]{12})?:role/.+");
    }

    @Test
    void aRoleArnWithoutItsAccountIsRefusedAsTheServiceDoes() {
        assertRefused(() -> control.createAgentRuntime(valid().roleArn("arn:aws:iam:::role/hello").build()), 403,
                "AccessDeniedException", "The IAM role ARN format is invalid. Please provide a role with valid ARN.:."
                        + " Try providing one of the valid formats:"
                        + " [^arn:aws(-[^:]+)?:iam::[0-9]{12}:role/(service-role/)?{1,64}$]");
    }

    @Test
    void anImageOutsideEcrIsAValidationError() {
        var e = refused(() -> control.createAgentRuntime(valid().agentRuntimeArtifact(
                AgentRuntimeArtifact.fromContainerConfiguration(c -> c.containerUri("docker.io/library/hello:1"))).build()));
        assertThat(e.statusCode()).isEqualTo(400);
        assertThat(e.awsErrorDetails().errorMessage()).startsWith("1 validation error detected: Value"
                + " 'docker.io/library/hello:1' at 'agentRuntimeArtifact.containerConfiguration.containerUri' failed to"
                + " satisfy constraint: Member must satisfy regular expression pattern: (([0-9]{12})\\.dkr\\.ecr\\.");
    }

    @Test
    void a2aIsRefusedClearlyAsNotServedLocally() {
        var e = refused(() -> control.createAgentRuntime(valid().protocolConfiguration(p -> p.serverProtocol(ServerProtocol.A2_A)).build()));
        assertThat(e.statusCode()).isEqualTo(400);
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("protocolConfiguration.serverProtocol A2A is not served"
                + " by the local AgentCore: it runs HTTP and MCP runtimes only. A2A runtimes need AWS AgentCore Runtime.");
        // The SDK 2.40.2 does not know AGUI: send it as the model's string.
        var agui = refused(() -> control.createAgentRuntime(valid().protocolConfiguration(p -> p.serverProtocol("AGUI")).build()));
        assertThat(agui.awsErrorDetails().errorMessage()).startsWith("protocolConfiguration.serverProtocol AGUI is not served");
    }

    @Test
    void lifecycleBoundsAreTheModels() {
        assertRefused(() -> control.createAgentRuntime(valid().lifecycleConfiguration(l -> l.idleRuntimeSessionTimeout(30)).build()),
                400, "ValidationException", "1 validation error detected: Value '30' at"
                        + " 'lifecycleConfiguration.idleRuntimeSessionTimeout' failed to satisfy constraint: Member must"
                        + " have value greater than or equal to 60");
        assertRefused(() -> control.createAgentRuntime(valid().lifecycleConfiguration(l -> l.maxLifetime(1_209_601)).build()),
                400, "ValidationException", "1 validation error detected: Value '1209601' at"
                        + " 'lifecycleConfiguration.maxLifetime' failed to satisfy constraint: Member must have value less"
                        + " than or equal to 1209600");
    }

    @Test
    void theHeaderAllowlistKeepsAwsHeadersAndAuthorizationOut() {
        var amz = refused(() -> control.createAgentRuntime(valid().requestHeaderConfiguration(
                RequestHeaderConfiguration.fromRequestHeaderAllowlist(List.of("X-Amz-Date"))).build()));
        assertThat(amz.statusCode()).isEqualTo(400);
        assertThat(amz.awsErrorDetails().errorMessage()).contains("'X-Amz-Date' is reserved");
        var authorization = refused(() -> control.createAgentRuntime(valid().requestHeaderConfiguration(
                RequestHeaderConfiguration.fromRequestHeaderAllowlist(List.of("Authorization"))).build()));
        assertThat(authorization.awsErrorDetails().errorMessage()).contains("only when it has a customJWTAuthorizer");
        assertRefused(() -> control.createAgentRuntime(valid().requestHeaderConfiguration(
                        RequestHeaderConfiguration.fromRequestHeaderAllowlist(List.of("1st-header"))).build()), 400,
                "ValidationException", "1 validation error detected: Value '1st-header' at"
                        + " 'requestHeaderConfiguration.requestHeaderAllowlist.member' failed to satisfy constraint:"
                        + " Member must satisfy regular expression pattern: [A-Za-z][A-Za-z0-9_-]{0,255}");
    }

    @Test
    void aDiscoveryUrlMustBeAWellKnownDocument() {
        var e = refused(() -> control.createAgentRuntime(valid().authorizerConfiguration(
                AuthorizerConfiguration.fromCustomJWTAuthorizer(j -> j.discoveryUrl("https://idp.example.com/jwks.json"))).build()));
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("1 validation error detected: Value"
                + " 'https://idp.example.com/jwks.json' at 'authorizerConfiguration.customJWTAuthorizer.discoveryUrl'"
                + " failed to satisfy constraint: Member must satisfy regular expression pattern:"
                + " [^\\s?#]+/\\.well-known/(openid-configuration|oauth-authorization-server)(/[^\\s?#]+)?");
    }

    @Test
    void anEmptyUnionIsRefused() {
        assertRefused(() -> control.createAgentRuntime(valid().authorizerConfiguration(AuthorizerConfiguration.builder().build()).build()),
                400, "ValidationException", "1 validation error detected: Value null at 'authorizerConfiguration' failed"
                        + " to satisfy constraint: Member must have exactly one of customJWTAuthorizer set");
    }

    @Test
    void sensitiveMembersAreNamedWithoutTheirValue() {
        assertRefused(() -> control.createAgentRuntime(valid().environmentVariables(Map.of("TOKEN", "s".repeat(5001))).build()),
                400, "ValidationException", "1 validation error detected: Value at 'environmentVariables.value' failed"
                        + " to satisfy constraint: Member must have length less than or equal to 5000");
    }

    @Test
    void aTakenNameIsAConflict() {
        assertRefused(() -> control.createAgentRuntime(LocalFixture.create("taken").build()), 409, "ConflictException",
                "An agent with the specified name already exists");
    }

    @Test
    void concurrentCreatesOfOneNameOneWinsTheOthersConflict() throws Exception {
        int callers = 6;
        CyclicBarrier together = new CyclicBarrier(callers);
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        List<Future<String>> outcomes = new ArrayList<>();
        try {
            for (int i = 0; i < callers; i++) {
                outcomes.add(pool.submit(() -> {
                    together.await();
                    try {
                        return "created " + control.createAgentRuntime(LocalFixture.create("raced").build()).agentRuntimeId();
                    } catch (ConflictException e) {
                        return e.statusCode() + " " + e.awsErrorDetails().errorMessage();
                    }
                }));
            }
            List<String> results = new ArrayList<>();
            for (Future<String> f : outcomes) {
                results.add(f.get());
            }
            assertThat(results).filteredOn(r -> r.startsWith("created raced-")).hasSize(1);
            assertThat(results).filteredOn(r -> r.equals("409 An agent with the specified name already exists"))
                    .hasSize(callers - 1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(control.listAgentRuntimes(r -> r.maxResults(100)).agentRuntimes())
                .filteredOn(r -> r.agentRuntimeName().equals("raced")).hasSize(1);
    }

    @Test
    void unknownAndMalformedIdsAnswerAsTheServiceDoes() {
        assertRefused(() -> control.getAgentRuntime(r -> r.agentRuntimeId("ghost-AAAAAAAAAA")), 404,
                "ResourceNotFoundException", "Agent 'ghost-AAAAAAAAAA' was not found. Please check the agent ID and try again.");
        assertRefused(() -> control.updateAgentRuntime(UpdateAgentRuntimeRequest.builder().agentRuntimeId("ghost-AAAAAAAAAA")
                        .agentRuntimeArtifact(AgentRuntimeArtifact.fromContainerConfiguration(c -> c.containerUri(LocalFixture.image("1"))))
                        .roleArn(LocalFixture.ROLE).build()), 404,
                "ResourceNotFoundException", "Agent 'ghost-AAAAAAAAAA' was not found. Please check the agent ID and try again.");
        assertRefused(() -> control.getAgentRuntime(r -> r.agentRuntimeId("ghost")), 400, "ValidationException",
                "1 validation error detected: Value 'ghost' at 'agentRuntimeId' failed to satisfy constraint: Member"
                        + " must satisfy regular expression pattern: [a-zA-Z][a-zA-Z0-9_]{0,99}-[a-zA-Z0-9]{10}");
        var version = refused(() -> control.getAgentRuntime(r -> r.agentRuntimeId(readyId).agentRuntimeVersion("9")));
        assertThat(version.statusCode()).isEqualTo(404);
        assertThat(version.awsErrorDetails().errorCode()).isEqualTo("ResourceNotFoundException");
    }

    @Test
    void endpointRefusals() {
        var unknown = refused(() -> control.getAgentRuntimeEndpoint(r -> r.agentRuntimeId(readyId).endpointName("nope")));
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.awsErrorDetails().errorCode()).isEqualTo("ResourceNotFoundException");
        var taken = refused(() -> control.createAgentRuntimeEndpoint(r -> r.agentRuntimeId(readyId).name("DEFAULT")));
        assertThat(taken.statusCode()).isEqualTo(409);
        assertThat(taken.awsErrorDetails().errorCode()).isEqualTo("ConflictException");
        var badName = refused(() -> control.createAgentRuntimeEndpoint(r -> r.agentRuntimeId(readyId).name("blue-green")));
        // EndpointName is sensitive in the model: named, not shown.
        assertThat(badName.awsErrorDetails().errorMessage()).isEqualTo("1 validation error detected: Value at 'name'"
                + " failed to satisfy constraint: Member must satisfy regular expression pattern: " + NAME_PATTERN);
        var noVersion = refused(() -> control.createAgentRuntimeEndpoint(r -> r.agentRuntimeId(readyId).name("v7").agentRuntimeVersion("7")));
        assertThat(noVersion.statusCode()).isEqualTo(404);
        var deleteDefault = refused(() -> control.deleteAgentRuntimeEndpoint(r -> r.agentRuntimeId(readyId).endpointName("DEFAULT")));
        assertThat(deleteDefault.statusCode()).isEqualTo(400);
        assertThat(deleteDefault.awsErrorDetails().errorMessage()).contains("DEFAULT endpoint cannot be deleted");
        var moveDefault = refused(() -> control.updateAgentRuntimeEndpoint(r -> r.agentRuntimeId(readyId).endpointName("DEFAULT").agentRuntimeVersion("1")));
        assertThat(moveDefault.statusCode()).isEqualTo(400);
        assertThat(moveDefault.awsErrorDetails().errorMessage()).contains("always points to the latest version");
        // No ResourceNotFoundException in ListAgentRuntimeEndpoints' model: an unknown runtime lists nothing.
        assertThat(control.listAgentRuntimeEndpoints(r -> r.agentRuntimeId("ghost-AAAAAAAAAA")).runtimeEndpoints()).isEmpty();
    }

    @Test
    void pagingParametersAreChecked() {
        assertRefused(() -> control.listAgentRuntimes(r -> r.maxResults(0)), 400, "ValidationException",
                "1 validation error detected: Value '0' at 'maxResults' failed to satisfy constraint: Member must have"
                        + " value greater than or equal to 1");
        assertRefused(() -> control.listAgentRuntimes(r -> r.maxResults(101)), 400, "ValidationException",
                "1 validation error detected: Value '101' at 'maxResults' failed to satisfy constraint: Member must have"
                        + " value less than or equal to 100");
        var token = refused(() -> control.listAgentRuntimes(r -> r.nextToken("not-a-token")));
        assertThat(token.statusCode()).isEqualTo(400);
        assertThat(token.awsErrorDetails().errorMessage()).startsWith("Invalid nextToken");
    }

    @Test
    void anUpdateWhileTheRuntimeIsStillCreatingIsAConflict() throws Exception {
        try (var slow = LocalAgentCore.start(LocalFixture.config().provisioningDelay(Duration.ofSeconds(30)).build());
             var client = LocalFixture.client(slow)) {
            String id = client.createAgentRuntime(LocalFixture.create("slow").build()).agentRuntimeId();
            var e = refused(() -> client.updateAgentRuntime(UpdateAgentRuntimeRequest.builder().agentRuntimeId(id)
                    .agentRuntimeArtifact(AgentRuntimeArtifact.fromContainerConfiguration(c -> c.containerUri(LocalFixture.image("2"))))
                    .roleArn(LocalFixture.ROLE).build()));
            assertThat(e.statusCode()).isEqualTo(409);
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Agent '" + id + "' is CREATING; wait until it is"
                    + " READY (or failed) before updating it.");
            assertThat(client.getAgentRuntime(r -> r.agentRuntimeId(id)).statusAsString()).isEqualTo("CREATING");
        }
    }

    @Test
    void aRetryWithTheSameClientTokenGetsTheFirstAnswer() {
        String token = "retry-token-0123456789abcdefghijklmnop";
        var first = control.createAgentRuntime(LocalFixture.create("retried").clientToken(token).build());
        var again = control.createAgentRuntime(LocalFixture.create("retried").clientToken(token).build());
        assertThat(again.agentRuntimeId()).isEqualTo(first.agentRuntimeId());
        var e = refused(() -> control.createAgentRuntime(LocalFixture.create("other_name").clientToken(token).build()));
        assertThat(e.statusCode()).isEqualTo(400);
        assertThat(e.awsErrorDetails().errorMessage()).startsWith("The request uses the same client token as a previous,"
                + " but non-identical request.");
    }
}
