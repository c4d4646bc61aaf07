package dev.agentcore.local;

import static dev.agentcore.local.LocalFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.agentcore.core.runtime.RuntimeId;
import dev.agentcore.sdk.control.AgentCoreControlPlane;
import dev.agentcore.sdk.control.RuntimeMetadataConfiguration;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.AgentRuntimeArtifact;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.NetworkMode;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.UpdateAgentRuntimeRequest;

/**
 * {@code metadataConfiguration}, which the SDK 2.40.2 lacks, through the repository's AgentCoreControlPlane
 * (clients/agentcore-sdk): set by UpdateAgentRuntime, read back by GetAgentRuntime, replaced by the next update.
 */
class MetadataConfigurationTest {

    @Test
    void requireMmdsV2IsStoredAndReturned() throws Exception {
        try (var agentCore = LocalFixture.start();
             var control = AgentCoreControlPlane.create(b -> LocalFixture.configure(b, agentCore, Region.US_EAST_1))) {
            String id = control.client().createAgentRuntime(LocalFixture.create("mmds").build()).agentRuntimeId();
            await(() -> control.client().getAgentRuntime(r -> r.agentRuntimeId(id)).statusAsString(), "READY");
            assertThat(control.getAgentRuntime(r -> r.agentRuntimeId(id)).metadataConfiguration()).isEmpty();

            var update = UpdateAgentRuntimeRequest.builder().agentRuntimeId(id)
                    .agentRuntimeArtifact(AgentRuntimeArtifact.fromContainerConfiguration(c -> c.containerUri(LocalFixture.image("1"))))
                    .roleArn(LocalFixture.ROLE)
                    .networkConfiguration(n -> n.networkMode(NetworkMode.PUBLIC))
                    .build();
            assertThat(control.updateAgentRuntime(update, RuntimeMetadataConfiguration.REQUIRE_MMDS_V2).agentRuntimeVersion())
                    .isEqualTo("2");
            await(() -> control.client().getAgentRuntime(r -> r.agentRuntimeId(id)).statusAsString(), "READY");

            var described = control.getAgentRuntime(r -> r.agentRuntimeId(id));
            assertThat(described.requiresMmdsV2()).isTrue();
            assertThat(described.membersTheSdkDrops()).containsExactly("metadataConfiguration");
            assertThat(agentCore.registry().get(RuntimeId.of(id)).latest().configuration().requiresMmdsV2()).isTrue();

            // UpdateAgentRuntime sets the whole configuration: an update without the member drops it.
            control.client().updateAgentRuntime(update);
            await(() -> control.client().getAgentRuntime(r -> r.agentRuntimeId(id)).statusAsString(), "READY");
            assertThat(control.getAgentRuntime(r -> r.agentRuntimeId(id)).requiresMmdsV2()).isFalse();
            // Version 2 keeps what it was made with.
            assertThat(control.getAgentRuntime(r -> r.agentRuntimeId(id).agentRuntimeVersion("2")).requiresMmdsV2()).isTrue();
        }
    }
}
