package dev.agentcore.sdk.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.AgentRuntimeArtifact;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.NetworkMode;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.ResourceNotFoundException;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.ServerProtocol;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.UpdateAgentRuntimeRequest;

class AgentCoreControlPlaneTest {

    static final String RUNTIME_ID = "hello_agent-N0geaLEEPE";
    static final String RUNTIME_ARN = "arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/" + RUNTIME_ID;

    static final String UPDATED = """
            {"agentRuntimeArn":"%s","agentRuntimeId":"%s","agentRuntimeVersion":"2",
             "createdAt":"2026-07-01T10:00:00Z","lastUpdatedAt":"2026-07-01T10:05:00Z","status":"UPDATING"}
            """.formatted(RUNTIME_ARN, RUNTIME_ID);

    static String described(String id, String extraMembers) {
        return """
                {"agentRuntimeArn":"arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/%1$s",
                 "agentRuntimeName":"hello_agent","agentRuntimeId":"%1$s","agentRuntimeVersion":"2",
                 "createdAt":"2026-07-01T10:00:00Z","lastUpdatedAt":"2026-07-01T10:05:00Z",
                 "roleArn":"arn:aws:iam::123456789012:role/hello","status":"READY",
                 "lifecycleConfiguration":{"idleRuntimeSessionTimeout":900,"maxLifetime":28800}%2$s}
                """.formatted(id, extraMembers);
    }

    static UpdateAgentRuntimeRequest update() {
        return UpdateAgentRuntimeRequest.builder()
                .agentRuntimeId(RUNTIME_ID)
                .agentRuntimeArtifact(AgentRuntimeArtifact.fromContainerConfiguration(
                        c -> c.containerUri("123456789012.dkr.ecr.us-east-1.amazonaws.com/hello:1")))
                .roleArn("arn:aws:iam::123456789012:role/hello")
                .networkConfiguration(n -> n.networkMode(NetworkMode.PUBLIC))
                .protocolConfiguration(p -> p.serverProtocol(ServerProtocol.HTTP))
                .description("Hello agent (HTTP) \u2713") // a multi-byte character: Content-Length counts bytes
                .build();
    }

    @Test
    void updateSendsMetadataConfigurationInTheSignedBodyWithItsLength() throws Exception {
        try (var server = new LoopbackControlPlane(r -> LoopbackControlPlane.Answer.json(202, UPDATED));
             var control = AgentCoreControlPlane.create(server::configure)) {

            var response = control.updateAgentRuntime(update(), RuntimeMetadataConfiguration.REQUIRE_MMDS_V2);

            assertThat(response.agentRuntimeVersion()).isEqualTo("2");
            var sent = server.last().orElseThrow();
            assertThat(sent.method()).isEqualTo("PUT");
            assertThat(sent.path()).isEqualTo("/runtimes/" + RUNTIME_ID + "/");
            JsonNode body = JsonNode.parser().parse(sent.body());
            assertThat(body.field("metadataConfiguration").flatMap(m -> m.field("requireMMDSV2")).map(JsonNode::asBoolean))
                    .contains(true);
            // Everything the SDK marshalled is still there.
            assertThat(body.field("roleArn").map(JsonNode::asString)).contains("arn:aws:iam::123456789012:role/hello");
            assertThat(body.field("description").map(JsonNode::asString)).contains("Hello agent (HTTP) \u2713");
            assertThat(body.field("agentRuntimeArtifact")).isPresent();
            assertThat(body.field("clientToken")).isPresent();
            assertThat(sent.header("Content-Length")).isEqualTo(Integer.toString(sent.body().length));
            assertThat(sent.header("Content-Type")).startsWith("application/json");

            // The signature covers the body that went on the wire, not the one the SDK marshalled.
            String authorization = sent.header("Authorization");
            assertThat(SigV4Check.authorizationFor(sent, server.endpoint(), sent.body())).isEqualTo(authorization);
            byte[] withoutMember = sent.bodyText()
                    .replace("\"metadataConfiguration\":{\"requireMMDSV2\":true},", "")
                    .getBytes(StandardCharsets.UTF_8);
            assertThat(withoutMember).hasSizeLessThan(sent.body().length);
            assertThat(SigV4Check.authorizationFor(sent, server.endpoint(), withoutMember)).isNotEqualTo(authorization);
        }
    }

    @Test
    void sendsFalseWhenAskedTo() throws Exception {
        try (var server = new LoopbackControlPlane(r -> LoopbackControlPlane.Answer.json(202, UPDATED));
             var control = AgentCoreControlPlane.create(server::configure)) {
            control.updateAgentRuntime(update(), new RuntimeMetadataConfiguration(false));
            assertThat(server.last().orElseThrow().bodyText()).contains("\"metadataConfiguration\":{\"requireMMDSV2\":false}");
        }
    }

    @Test
    void theSdksOwnCallsAreLeftAlone() throws Exception {
        try (var server = new LoopbackControlPlane(r -> LoopbackControlPlane.Answer.json(202, UPDATED));
             var control = AgentCoreControlPlane.create(server::configure)) {
            control.client().updateAgentRuntime(update());
            var sent = server.last().orElseThrow();
            assertThat(sent.bodyText()).doesNotContain("metadataConfiguration");
            assertThat(SigV4Check.authorizationFor(sent, server.endpoint(), sent.body())).isEqualTo(sent.header("Authorization"));
        }
    }

    @Test
    void keepsTheCallersOverrideConfiguration() throws Exception {
        AtomicInteger seen = new AtomicInteger();
        ExecutionInterceptor callers = new ExecutionInterceptor() {
            @Override
            public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
                seen.incrementAndGet();
            }
        };
        try (var server = new LoopbackControlPlane(r -> LoopbackControlPlane.Answer.json(202, UPDATED));
             var control = AgentCoreControlPlane.create(b -> {
                 server.configure(b);
                 b.overrideConfiguration(b.overrideConfiguration().toBuilder().addExecutionInterceptor(callers).build());
             })) {
            control.updateAgentRuntime(update(), RuntimeMetadataConfiguration.REQUIRE_MMDS_V2);
            assertThat(seen).hasValue(1);
            assertThat(control.client().serviceClientConfiguration().overrideConfiguration().executionInterceptors())
                    .contains(callers)
                    .filteredOn(MetadataConfigurationInterceptor.class::isInstance).hasSize(1);
            assertThat(server.last().orElseThrow().bodyText()).contains("metadataConfiguration");
        }
    }

    @Test
    void worksWithoutAnyOverrideConfigurationOfTheCaller() throws Exception {
        try (var server = new LoopbackControlPlane(r -> LoopbackControlPlane.Answer.json(202, UPDATED));
             var control = AgentCoreControlPlane.create(b -> b.region(LoopbackControlPlane.REGION)
                     .endpointOverride(server.endpoint())
                     .credentialsProvider(() -> software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create(
                             LoopbackControlPlane.ACCESS_KEY, LoopbackControlPlane.SECRET_KEY)))) {
            control.updateAgentRuntime(update(), RuntimeMetadataConfiguration.REQUIRE_MMDS_V2);
            assertThat(server.last().orElseThrow().bodyText()).contains("metadataConfiguration");
        }
    }

    @Test
    void getReadsTheMetadataConfigurationTheTypedResponseDrops() throws Exception {
        String answer = described(RUNTIME_ID,
                ",\"metadataConfiguration\":{\"requireMMDSV2\":true},\"platformVersion\":\"2\",\"filesystemConfigurations\":[]");
        try (var server = new LoopbackControlPlane(r -> LoopbackControlPlane.Answer.json(200, answer));
             var control = AgentCoreControlPlane.create(server::configure)) {

            AgentRuntimeDescription description = control.getAgentRuntime(r -> r.agentRuntimeId(RUNTIME_ID));

            assertThat(description.response().agentRuntimeName()).isEqualTo("hello_agent");
            assertThat(description.response().lifecycleConfiguration().maxLifetime()).isEqualTo(28800);
            assertThat(description.metadataConfiguration()).contains(RuntimeMetadataConfiguration.REQUIRE_MMDS_V2);
            assertThat(description.requiresMmdsV2()).isTrue();
            assertThat(description.membersTheSdkDrops())
                    .containsExactlyInAnyOrder("metadataConfiguration", "platformVersion", "filesystemConfigurations");
            assertThat(server.last().orElseThrow().path()).isEqualTo("/runtimes/" + RUNTIME_ID + "/");
        }
    }

    @Test
    void aRuntimeWithoutMetadataConfigurationDoesNotRequireMmdsV2() throws Exception {
        try (var server = new LoopbackControlPlane(r -> LoopbackControlPlane.Answer.json(200, described(RUNTIME_ID, "")));
             var control = AgentCoreControlPlane.create(server::configure)) {
            AgentRuntimeDescription description = control.getAgentRuntime(r -> r.agentRuntimeId(RUNTIME_ID));
            assertThat(description.metadataConfiguration()).isEmpty();
            assertThat(description.requiresMmdsV2()).isFalse();
            assertThat(description.membersTheSdkDrops()).isEmpty();
        }
    }

    @Test
    void eachGetReadsItsOwnAnswer() throws Exception {
        // Runtimes whose id ends in an even digit require MMDSv2; the others do not.
        try (var server = new LoopbackControlPlane(r -> {
                String id = r.path().split("/")[2];
                boolean even = (id.charAt(id.length() - 1) - '0') % 2 == 0;
                return LoopbackControlPlane.Answer.json(200,
                        described(id, ",\"metadataConfiguration\":{\"requireMMDSV2\":" + even + "}"));
            });
             var control = AgentCoreControlPlane.create(server::configure)) {
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<Boolean>> answers = new ArrayList<>();
                for (int i = 0; i < 40; i++) {
                    String id = "agent_" + i + "-abcdefghi" + (i % 10);
                    answers.add(pool.submit(() -> control.getAgentRuntime(r -> r.agentRuntimeId(id)).requiresMmdsV2()));
                }
                for (int i = 0; i < answers.size(); i++) {
                    assertThat(answers.get(i).get()).as("runtime %d", i).isEqualTo(i % 2 == 0);
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void serviceErrorsStayTheSdksExceptions() throws Exception {
        try (var server = new LoopbackControlPlane(r -> new LoopbackControlPlane.Answer(404,
                "{\"message\":\"Runtime not found\"}", java.util.Map.of("x-amzn-ErrorType", "ResourceNotFoundException")));
             var control = AgentCoreControlPlane.create(server::configure)) {
            assertThatThrownBy(() -> control.getAgentRuntime(r -> r.agentRuntimeId(RUNTIME_ID)))
                    .isInstanceOf(ResourceNotFoundException.class)
                    .hasMessageContaining("Runtime not found");
        }
    }

    @Test
    void refusesAnUpdateWithoutAConfiguration() throws Exception {
        try (var server = new LoopbackControlPlane(r -> LoopbackControlPlane.Answer.json(202, UPDATED));
             var control = AgentCoreControlPlane.create(server::configure)) {
            assertThatThrownBy(() -> control.updateAgentRuntime(update(), null))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("REQUIRE_MMDS_V2");
            assertThat(server.received()).isEmpty();
        }
    }

    @Test
    void refusesTheMemberOnAnOperationWhoseInputHasNone() throws Exception {
        try (var server = new LoopbackControlPlane(r -> LoopbackControlPlane.Answer.json(202, UPDATED));
             var control = AgentCoreControlPlane.create(server::configure)) {
            var create = software.amazon.awssdk.services.bedrockagentcorecontrol.model.CreateAgentRuntimeRequest.builder()
                    .agentRuntimeName("hello_agent")
                    .agentRuntimeArtifact(update().agentRuntimeArtifact())
                    .roleArn(update().roleArn())
                    .networkConfiguration(update().networkConfiguration())
                    .overrideConfiguration(o -> o.putExecutionAttribute(MetadataConfigurationInterceptor.TO_SEND,
                            RuntimeMetadataConfiguration.REQUIRE_MMDS_V2))
                    .build();
            assertThatThrownBy(() -> control.client().createAgentRuntime(create))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("CreateAgentRuntime takes no metadataConfiguration");
            assertThat(server.received()).isEmpty();
        }
    }

    @Test
    void clientOverrideConfigurationStaysUsable() {
        // The override configuration the factory builds can be read back (the SDK exposes it on the client).
        try (var control = AgentCoreControlPlane.create(b -> b.region(LoopbackControlPlane.REGION)
                .credentialsProvider(() -> software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("a", "b")))) {
            ClientOverrideConfiguration override = control.client().serviceClientConfiguration().overrideConfiguration();
            assertThat(override.executionInterceptors()).hasAtLeastOneElementOfType(MetadataConfigurationInterceptor.class);
        }
    }
}
