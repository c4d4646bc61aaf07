package dev.agentcore.local;

import static dev.agentcore.local.LocalFixture.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.agentcore.local.state.StateStore;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.ConflictException;

/** With a state directory, runtimes, versions and endpoints survive a restart with their ids and ARNs. */
class PersistenceTest {

    static LocalAgentCore start(Path state) throws Exception {
        return LocalAgentCore.start(LocalFixture.config()
                .stateDirectory(state).build());
    }

    @Test
    void runtimesSurviveARestart(@TempDir Path state) throws Exception {
        String id;
        String arn;
        try (var agentCore = start(state); var control = LocalFixture.client(agentCore)) {
            var created = control.createAgentRuntime(LocalFixture.create("kept").build());
            id = created.agentRuntimeId();
            arn = created.agentRuntimeArn();
            await(() -> control.getAgentRuntime(r -> r.agentRuntimeId(id)).statusAsString(), "READY");
            control.createAgentRuntimeEndpoint(r -> r.agentRuntimeId(id).name("prod"));
            await(() -> control.getAgentRuntimeEndpoint(r -> r.agentRuntimeId(id).endpointName("prod")).statusAsString(), "READY");
        }
        assertThat(state.resolve(StateStore.FILE_NAME)).exists();
        try (var agentCore = start(state); var control = LocalFixture.client(agentCore)) {
            var described = control.getAgentRuntime(r -> r.agentRuntimeId(id));
            assertThat(described.agentRuntimeArn()).isEqualTo(arn);
            assertThat(described.statusAsString()).isEqualTo("READY");
            assertThat(control.getAgentRuntimeEndpoint(r -> r.agentRuntimeId(id).endpointName("prod")).liveVersion())
                    .isEqualTo("1");
            assertThatThrownBy(() -> control.createAgentRuntime(LocalFixture.create("kept").build()))
                    .isInstanceOf(ConflictException.class);
        }
    }

    @Test
    void aStateFileThatCannotBeReadIsNamed(@TempDir Path state) throws Exception {
        Files.writeString(state.resolve(StateStore.FILE_NAME), "{ not json");
        assertThatThrownBy(() -> start(state)).isInstanceOf(StateStore.UnreadableStateException.class)
                .hasMessageContaining(state.resolve(StateStore.FILE_NAME).toString())
                .hasMessageContaining("move it away");
        // Valid JSON that is not a state file: a configuration that is not an object, a date that is not one.
        Files.writeString(state.resolve(StateStore.FILE_NAME), """
                {"format":1,"runtimes":[{"arn":"arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/a-AAAAAAAAAA",
                "name":"a","createdAt":"yesterday","lastUpdatedAt":"today","versions":[{"configuration":"none"}]}]}""");
        assertThatThrownBy(() -> start(state)).isInstanceOf(StateStore.UnreadableStateException.class)
                .hasMessageStartingWith("state file " + state.resolve(StateStore.FILE_NAME) + " cannot be read: ");
    }
}
