package dev.agentcore.policylint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.agentcore.policylint.runtime.AgentRuntime;
import dev.agentcore.policylint.runtime.RuntimeFiles;
import dev.agentcore.policylint.runtime.RuntimeSet;
import dev.agentcore.policylint.runtime.RuntimeSourceException;

class RuntimeSourcesTest {

    @TempDir
    Path dir;

    @Test
    void readsGetAgentRuntimeOutput() throws Exception {
        AgentRuntime r = RuntimeFiles.read(LintRun.fixture("runtimes/seed-get-agent-runtime.json")).getFirst();
        assertThat(r.name()).isEqualTo("mcp_echo");
        assertThat(r.id()).isEqualTo("mcp_echo-N0geaLEEPE");
        assertThat(r.jwtAuthorizer()).isTrue();
        assertThat(r.createdAt()).isEqualTo(Instant.parse("2025-09-30T12:00:00.123Z"));
        assertThat(r.usesServiceLinkedRole()).contains(false);
        assertThat(r.workloadIdentityDirectory())
                .isEqualTo("arn:aws:bedrock-agentcore:us-east-1:123456789012:workload-identity-directory/default");
    }

    @Test
    void readsListOutputAndDerivesTheWorkloadIdentity() throws Exception {
        List<AgentRuntime> rs = RuntimeFiles.read(LintRun.fixture("runtimes/list-agent-runtimes.json"));
        assertThat(rs).extracting(AgentRuntime::name).containsExactly("mcp_echo", "strands_agent");
        assertThat(rs.get(1).workloadIdentity()).isEqualTo(
                "arn:aws:bedrock-agentcore:us-east-1:123456789012:workload-identity-directory/default/workload-identity/strands_agent-Xy12AbC9dE");
        assertThat(rs.get(1).jwtAuthorizer()).isNull();
        assertThat(rs.get(1).createdAt()).isNull();
    }

    @Test
    void readsTheDeployStateFileAndYamlAndEpochSeconds() throws Exception {
        AgentRuntime state = RuntimeFiles.read(LintRun.fixture("runtimes/state.json")).getFirst();
        assertThat(state.roleArn()).endsWith("role/mcp-echo-execution-role");
        assertThat(state.endpoints()).extracting(AgentRuntime.Endpoint::name).containsExactly("DEFAULT", "dev");
        assertThat(state.jwtAuthorizer()).isTrue();
        AgentRuntime yaml = RuntimeFiles.read(LintRun.fixture("runtimes/new-jwt-runtime.yaml")).getFirst();
        assertThat(yaml.usesServiceLinkedRole()).contains(true);
        AgentRuntime epoch = RuntimeFiles.read(LintRun.fixture("runtimes/old-jwt-runtime.json")).getFirst();
        assertThat(epoch.createdAt()).isEqualTo(Instant.parse("2025-08-01T10:00:00Z"));
    }

    @Test
    void theSameRuntimeFromTwoSourcesIsMerged() throws Exception {
        RuntimeSet set = RuntimeSet.of(List.of(
                RuntimeFiles.read(LintRun.fixture("runtimes/list-agent-runtimes.json")).getFirst(),
                RuntimeFiles.read(LintRun.fixture("runtimes/state.json")).getFirst()));
        assertThat(set.runtimes()).singleElement().satisfies(r -> {
            assertThat(r.roleArn()).endsWith("mcp-echo-execution-role");
            assertThat(r.endpoints()).hasSize(2);
        });
    }

    @Test
    void badRuntimeFilesAreReportedWithFileAndLine() throws IOException {
        Path notRuntimes = Files.writeString(dir.resolve("r.json"), "{\n  \"hello\": 1\n}\n");
        assertThatThrownBy(() -> RuntimeFiles.read(notRuntimes)).isInstanceOf(RuntimeSourceException.class)
                .hasMessageContaining("r.json:1:1: not list-agent-runtimes or get-agent-runtime output");
        Path badTime = Files.writeString(dir.resolve("t.json"),
                "{\"agentRuntimeId\": \"a-0123456789\", \"agentRuntimeArn\": \"arn:aws:bedrock-agentcore:us-east-1:1:runtime/a-0123456789\",\n \"createdAt\": \"yesterday\"}");
        assertThatThrownBy(() -> RuntimeFiles.read(badTime)).hasMessageContaining("t.json:2:15: createdAt 'yesterday' is no ISO-8601 time");
        Path broken = Files.writeString(dir.resolve("b.json"), "{\"agentRuntimes\": [");
        assertThatThrownBy(() -> RuntimeFiles.read(broken)).hasMessageContaining("b.json:1:");
        LintRun r = LintRun.run(LintRun.withoutConfig(dir).runtimeFiles(notRuntimes)
                .paths(LintRun.fixture("rules/seed-infrastructure.yaml")));
        assertThat(r.status()).isEqualTo(ExitStatus.INPUT_ERROR);
        assertThat(r.err()).contains("r.json:1:1: not list-agent-runtimes");
        assertThat(LintRun.run(LintRun.withoutConfig(dir).runtimeFiles(Path.of("nope.json"))).err())
                .contains("nope.json: no such runtimes file");
    }
}
