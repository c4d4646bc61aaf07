package dev.agentcore.local;

import static dev.agentcore.local.LocalFixture.await;
import static dev.agentcore.local.LocalFixture.image;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.agentcore.core.arn.RuntimeArn;
import dev.agentcore.core.runtime.Qualifier;
import dev.agentcore.local.control.Provisioner;
import dev.agentcore.local.control.Resolution;
import software.amazon.awssdk.services.bedrockagentcorecontrol.BedrockAgentCoreControlClient;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.AgentRuntimeArtifact;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.UpdateAgentRuntimeRequest;

/** CREATE_FAILED and UPDATE_FAILED with a failureReason, when the provisioner (the runner, later) says no. */
class ProvisioningOutcomesTest {

    /** Refuses images tagged "broken", as the runner refuses an image it cannot run. */
    static final Provisioner REFUSES_BROKEN = (runtime, version) ->
            version.configuration().containerUri().endsWith(":broken")
                    ? Optional.of("Architecture incompatible for uri '" + version.configuration().containerUri()
                    + "'. Supported architectures: [arm64]")
                    : Optional.empty();

    static LocalAgentCore start() throws Exception {
        return LocalAgentCore.start(LocalFixture.config()
                .provisioner(REFUSES_BROKEN).build());
    }

    static UpdateAgentRuntimeRequest update(String id, String tag) {
        return UpdateAgentRuntimeRequest.builder().agentRuntimeId(id)
                .agentRuntimeArtifact(AgentRuntimeArtifact.fromContainerConfiguration(c -> c.containerUri(image(tag))))
                .roleArn(LocalFixture.ROLE).build();
    }

    @Test
    void aVersionThatCannotRunFailsWithItsReason() throws Exception {
        try (var agentCore = start(); BedrockAgentCoreControlClient control = LocalFixture.client(agentCore)) {
            String broken = control.createAgentRuntime(LocalFixture.create("broken_from_start")
                    .agentRuntimeArtifact(AgentRuntimeArtifact.fromContainerConfiguration(c -> c.containerUri(image("broken"))))
                    .build()).agentRuntimeId();
            await(() -> control.getAgentRuntime(r -> r.agentRuntimeId(broken)).statusAsString(), "CREATE_FAILED");
            assertThat(control.getAgentRuntime(r -> r.agentRuntimeId(broken)).failureReason())
                    .isEqualTo("Architecture incompatible for uri '" + image("broken") + "'. Supported architectures: [arm64]");
            var defaultEndpoint = control.getAgentRuntimeEndpoint(r -> r.agentRuntimeId(broken).endpointName("DEFAULT"));
            assertThat(defaultEndpoint.statusAsString()).isEqualTo("CREATE_FAILED");
            assertThat(defaultEndpoint.liveVersion()).isNull();

            // A good runtime, then a bad update: UPDATE_FAILED, while DEFAULT keeps serving version 1.
            String id = control.createAgentRuntime(LocalFixture.create("good_then_bad").build()).agentRuntimeId();
            await(() -> control.getAgentRuntime(r -> r.agentRuntimeId(id)).statusAsString(), "READY");
            control.updateAgentRuntime(update(id, "broken"));
            await(() -> control.getAgentRuntime(r -> r.agentRuntimeId(id)).statusAsString(), "UPDATE_FAILED");
            var described = control.getAgentRuntime(r -> r.agentRuntimeId(id));
            assertThat(described.agentRuntimeVersion()).isEqualTo("2");
            assertThat(described.failureReason()).startsWith("Architecture incompatible");
            var endpoint = control.getAgentRuntimeEndpoint(r -> r.agentRuntimeId(id).endpointName("DEFAULT"));
            assertThat(endpoint.statusAsString()).isEqualTo("UPDATE_FAILED");
            assertThat(endpoint.liveVersion()).isEqualTo("1");
            assertThat(endpoint.targetVersion()).isEqualTo("2");
            var resolution = agentCore.registry().resolve(RuntimeArn.parse(described.agentRuntimeArn()), Qualifier.DEFAULT);
            assertThat(resolution).isInstanceOf(Resolution.Found.class);
            assertThat(((Resolution.Found) resolution).version().number()).isEqualTo(1);

            // A failed update can be fixed by the next one.
            control.updateAgentRuntime(update(id, "3"));
            await(() -> control.getAgentRuntime(r -> r.agentRuntimeId(id)).statusAsString(), "READY");
            await(() -> control.getAgentRuntimeEndpoint(r -> r.agentRuntimeId(id).endpointName("DEFAULT")).statusAsString(), "READY");
            assertThat(control.getAgentRuntimeEndpoint(r -> r.agentRuntimeId(id).endpointName("DEFAULT")).liveVersion())
                    .isEqualTo("3");

            // A named endpoint pinned to the failed version fails too.
            control.createAgentRuntimeEndpoint(r -> r.agentRuntimeId(id).name("pinned_to_broken").agentRuntimeVersion("2"));
            await(() -> control.getAgentRuntimeEndpoint(r -> r.agentRuntimeId(id).endpointName("pinned_to_broken"))
                    .statusAsString(), "CREATE_FAILED");
            assertThat(control.getAgentRuntimeEndpoint(r -> r.agentRuntimeId(id).endpointName("pinned_to_broken"))
                    .failureReason()).startsWith("Version 2 is UPDATE_FAILED: Architecture incompatible");
        }
    }
}
