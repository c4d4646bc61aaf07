package dev.agentcore.local;

import static dev.agentcore.local.LocalFixture.await;
import static dev.agentcore.local.LocalFixture.image;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.agentcore.core.arn.RuntimeArn;
import dev.agentcore.core.runtime.RuntimeId;
import software.amazon.awssdk.services.bedrockagentcorecontrol.BedrockAgentCoreControlClient;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.AgentRuntimeArtifact;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.AgentRuntime;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.AuthorizerConfiguration;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.NetworkMode;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.RequestHeaderConfiguration;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.ResourceNotFoundException;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.ServerProtocol;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.UpdateAgentRuntimeRequest;

/** The real AWS SDK for Java through a runtime's whole life: create, poll, get, update, endpoints, list, delete. */
class RuntimeLifecycleSdkTest {

    static LocalAgentCore agentCore;
    static BedrockAgentCoreControlClient control;

    @BeforeAll
    static void start() throws Exception {
        agentCore = LocalFixture.start();
        control = LocalFixture.client(agentCore);
    }

    @AfterAll
    static void stop() {
        control.close();
        agentCore.close();
    }

    String status(String id) {
        return control.getAgentRuntime(r -> r.agentRuntimeId(id)).statusAsString();
    }

    String endpointStatus(String id, String name) {
        return control.getAgentRuntimeEndpoint(r -> r.agentRuntimeId(id).endpointName(name)).statusAsString();
    }

    @Test
    void aRuntimeLivesAsOnAws() {
        var created = control.createAgentRuntime(LocalFixture.create("mcp_echo")
                .protocolConfiguration(p -> p.serverProtocol(ServerProtocol.MCP))
                .description("echo tools")
                .authorizerConfiguration(AuthorizerConfiguration.fromCustomJWTAuthorizer(j -> j
                        .discoveryUrl("http://127.0.0.1:9999/us-east-1_Local/.well-known/openid-configuration")
                        .allowedClients("client-one")))
                .requestHeaderConfiguration(RequestHeaderConfiguration.fromRequestHeaderAllowlist(
                        List.of("Authorization", "X-Amzn-Bedrock-AgentCore-Runtime-Custom-Tenant")))
                .lifecycleConfiguration(l -> l.idleRuntimeSessionTimeout(300).maxLifetime(3600))
                .environmentVariables(Map.of("LOG_LEVEL", "debug"))
                .tags(Map.of("team", "agents"))
                .build());

        String id = created.agentRuntimeId();
        assertThat(RuntimeId.looksLike(id)).isTrue();
        assertThat(id).startsWith("mcp_echo-").hasSize("mcp_echo-".length() + 10);
        assertThat(created.agentRuntimeArn()).isEqualTo("arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/" + id);
        assertThat(created.agentRuntimeVersion()).isEqualTo("1");
        assertThat(created.statusAsString()).isEqualTo("CREATING");
        assertThat(created.workloadIdentityDetails().workloadIdentityArn()).isEqualTo(
                "arn:aws:bedrock-agentcore:us-east-1:123456789012:workload-identity-directory/default/workload-identity/" + id);
        assertThat(created.createdAt()).isNotNull();

        await(() -> status(id), "READY");
        var described = control.getAgentRuntime(r -> r.agentRuntimeId(id));
        assertThat(described.agentRuntimeName()).isEqualTo("mcp_echo");
        assertThat(described.roleArn()).isEqualTo(LocalFixture.ROLE);
        assertThat(described.agentRuntimeArtifact().containerConfiguration().containerUri()).isEqualTo(image("1"));
        assertThat(described.protocolConfiguration().serverProtocol()).isEqualTo(ServerProtocol.MCP);
        assertThat(described.networkConfiguration().networkMode()).isEqualTo(NetworkMode.PUBLIC);
        assertThat(described.description()).isEqualTo("echo tools");
        assertThat(described.authorizerConfiguration().customJWTAuthorizer().allowedClients()).containsExactly("client-one");
        assertThat(described.requestHeaderConfiguration().requestHeaderAllowlist())
                .containsExactly("Authorization", "X-Amzn-Bedrock-AgentCore-Runtime-Custom-Tenant");
        assertThat(described.lifecycleConfiguration().idleRuntimeSessionTimeout()).isEqualTo(300);
        assertThat(described.lifecycleConfiguration().maxLifetime()).isEqualTo(3600);
        assertThat(described.environmentVariables()).containsExactlyEntriesOf(Map.of("LOG_LEVEL", "debug"));
        assertThat(described.workloadIdentityDetails().workloadIdentityArn()).endsWith("/workload-identity/" + id);
        assertThat(described.createdAt()).isEqualTo(created.createdAt());
        assertThat(described.lastUpdatedAt()).isNotNull();

        // DEFAULT came with the runtime; a named endpoint without a version is pinned to the latest (1).
        await(() -> endpointStatus(id, "DEFAULT"), "READY");
        var prod = control.createAgentRuntimeEndpoint(r -> r.agentRuntimeId(id).name("prod").description("production"));
        assertThat(prod.targetVersion()).isEqualTo("1");
        assertThat(prod.statusAsString()).isEqualTo("CREATING");
        assertThat(prod.agentRuntimeEndpointArn()).isEqualTo(created.agentRuntimeArn() + "/runtime-endpoint/prod");
        await(() -> endpointStatus(id, "prod"), "READY");

        // An update makes version 2; DEFAULT follows it, prod stays on 1.
        var updated = control.updateAgentRuntime(UpdateAgentRuntimeRequest.builder().agentRuntimeId(id)
                .agentRuntimeArtifact(AgentRuntimeArtifact.fromContainerConfiguration(c -> c.containerUri(image("2"))))
                .roleArn(LocalFixture.ROLE)
                .networkConfiguration(n -> n.networkMode(NetworkMode.PUBLIC))
                .protocolConfiguration(p -> p.serverProtocol(ServerProtocol.MCP))
                .build());
        assertThat(updated.agentRuntimeVersion()).isEqualTo("2");
        assertThat(updated.statusAsString()).isEqualTo("UPDATING");
        assertThat(updated.lastUpdatedAt()).isAfterOrEqualTo(updated.createdAt());
        await(() -> status(id), "READY");
        await(() -> endpointStatus(id, "DEFAULT"), "READY");
        assertThat(control.getAgentRuntimeEndpoint(r -> r.agentRuntimeId(id).endpointName("DEFAULT")).liveVersion())
                .isEqualTo("2");
        assertThat(control.getAgentRuntimeEndpoint(r -> r.agentRuntimeId(id).endpointName("prod")).liveVersion())
                .isEqualTo("1");

        // Versions are immutable: version 1 still has its image; the update replaced the whole configuration.
        assertThat(control.getAgentRuntime(r -> r.agentRuntimeId(id).agentRuntimeVersion("1"))
                .agentRuntimeArtifact().containerConfiguration().containerUri()).isEqualTo(image("1"));
        var latest = control.getAgentRuntime(r -> r.agentRuntimeId(id));
        assertThat(latest.agentRuntimeVersion()).isEqualTo("2");
        assertThat(latest.agentRuntimeArtifact().containerConfiguration().containerUri()).isEqualTo(image("2"));
        assertThat(latest.authorizerConfiguration()).isNull();
        assertThat(latest.lifecycleConfiguration().idleRuntimeSessionTimeout()).isEqualTo(900);
        assertThat(control.listAgentRuntimeVersions(r -> r.agentRuntimeId(id)).agentRuntimes())
                .extracting(AgentRuntime::agentRuntimeVersion).containsExactly("1", "2");

        // prod moves to 2 only when told.
        var moving = control.updateAgentRuntimeEndpoint(r -> r.agentRuntimeId(id).endpointName("prod").agentRuntimeVersion("2"));
        assertThat(moving.statusAsString()).isEqualTo("UPDATING");
        assertThat(moving.liveVersion()).isEqualTo("1");
        assertThat(moving.targetVersion()).isEqualTo("2");
        await(() -> endpointStatus(id, "prod"), "READY");
        assertThat(control.getAgentRuntimeEndpoint(r -> r.agentRuntimeId(id).endpointName("prod")).liveVersion())
                .isEqualTo("2");
        assertThat(control.listAgentRuntimeEndpoints(r -> r.agentRuntimeId(id)).runtimeEndpoints())
                .extracting(e -> e.name() + "@" + e.liveVersion()).containsExactly("DEFAULT@2", "prod@2");

        var endpointGone = control.deleteAgentRuntimeEndpoint(r -> r.agentRuntimeId(id).endpointName("prod"));
        assertThat(endpointGone.statusAsString()).isEqualTo("DELETING");
        awaitGone(() -> control.getAgentRuntimeEndpoint(r -> r.agentRuntimeId(id).endpointName("prod")));

        var deleted = control.deleteAgentRuntime(r -> r.agentRuntimeId(id));
        assertThat(deleted.statusAsString()).isEqualTo("DELETING");
        awaitGone(() -> control.getAgentRuntime(r -> r.agentRuntimeId(id)));
        assertThatThrownBy(() -> control.getAgentRuntime(r -> r.agentRuntimeId(id)))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageStartingWith("Agent '" + id + "' was not found. Please check the agent ID and try again.");
        // The name is free again once the runtime is gone.
        assertThat(control.createAgentRuntime(LocalFixture.create("mcp_echo").build()).agentRuntimeId()).isNotEqualTo(id);
    }

    @Test
    void listsPageThroughEveryRuntimeExactlyOnce() {
        Set<String> created = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            created.add(control.createAgentRuntime(LocalFixture.create("paged_" + i).build()).agentRuntimeId());
        }
        var first = control.listAgentRuntimes(r -> r.maxResults(2));
        assertThat(first.agentRuntimes()).hasSize(2);
        assertThat(first.nextToken()).isNotBlank();

        // The SDK's paginator follows nextToken to the end.
        List<String> listed = new ArrayList<>();
        control.listAgentRuntimesPaginator(r -> r.maxResults(2)).agentRuntimes()
                .forEach(r -> listed.add(r.agentRuntimeId()));
        assertThat(listed).doesNotHaveDuplicates().containsAll(created);

        String id = created.iterator().next();
        control.createAgentRuntimeEndpoint(r -> r.agentRuntimeId(id).name("blue"));
        control.createAgentRuntimeEndpoint(r -> r.agentRuntimeId(id).name("green"));
        List<String> endpoints = new ArrayList<>();
        control.listAgentRuntimeEndpointsPaginator(r -> r.agentRuntimeId(id).maxResults(1)).runtimeEndpoints()
                .forEach(e -> endpoints.add(e.name()));
        assertThat(endpoints).containsExactly("DEFAULT", "blue", "green");
    }

    @Test
    void theDataPlaneResolvesQualifiersToTheVersionTheyServe() {
        String id = control.createAgentRuntime(LocalFixture.create("resolved").build()).agentRuntimeId();
        RuntimeArn arn = RuntimeArn.parse(control.getAgentRuntime(r -> r.agentRuntimeId(id)).agentRuntimeArn());
        var registry = agentCore.registry();
        assertThat(registry.resolve(arn, dev.agentcore.core.runtime.Qualifier.DEFAULT))
                .isInstanceOfAny(dev.agentcore.local.control.Resolution.NotReady.class,
                        dev.agentcore.local.control.Resolution.Found.class);
        await(() -> endpointStatus(id, "DEFAULT"), "READY");

        var found = (dev.agentcore.local.control.Resolution.Found) registry.resolve(arn,
                dev.agentcore.core.runtime.Qualifier.DEFAULT);
        assertThat(found.version().number()).isEqualTo(1);
        assertThat(found.version().configuration().containerUri()).isEqualTo(image("1"));
        assertThat(registry.resolve(arn, new dev.agentcore.core.runtime.Qualifier("nope")))
                .isInstanceOf(dev.agentcore.local.control.Resolution.EndpointNotFound.class);
        var otherAccount = new RuntimeArn("aws", "us-east-1", "210987654321", id);
        assertThat(registry.resolve(otherAccount, dev.agentcore.core.runtime.Qualifier.DEFAULT))
                .isInstanceOf(dev.agentcore.local.control.Resolution.RuntimeNotFound.class);
    }

    static void awaitGone(Runnable get) {
        for (int i = 0; i < 500; i++) {
            try {
                get.run();
            } catch (ResourceNotFoundException e) {
                return;
            }
            LocalFixture.sleep(20);
        }
        throw new AssertionError("still there after 10 s");
    }
}
