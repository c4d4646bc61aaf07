package dev.agentcore.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.agentcore.core.runtime.RuntimeId;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import dev.agentcore.testing.RepositoryFiles;

/**
 * A second SDK, unchanged: boto3 from the repository's .venv (make tools installs it; this test never skips),
 * pointed at the local AgentCore by AWS_ENDPOINT_URL_BEDROCK_AGENTCORE_CONTROL, as a user's shell would.
 */
class Boto3ControlPlaneTest {

    static Path python() {
        return RepositoryFiles.python();
    }

    @Test
    void boto3CreatesGetsListsUpdatesAndIsRefusedAsOnAws() throws Exception {
        Path script = Path.of(getClass().getResource("/boto3/control_plane.py").toURI());
        try (var agentCore = LocalFixture.start()) {
            var process = new ProcessBuilder(python().toString(), script.toString(), "boto_agent",
                    LocalFixture.image("1"), LocalFixture.ROLE);
            process.environment().keySet().removeIf(k -> k.startsWith("AWS_"));
            process.environment().putAll(LocalFixture.env(agentCore));
            process.redirectErrorStream(false);
            Process run = process.start();
            String stdout = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String stderr = new String(run.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(run.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(run.exitValue()).as("boto3 script failed:%n%s", stderr).isZero();

            JsonNode out = JsonMapper.builder().build().readTree(stdout);
            String id = out.path("created").path("agentRuntimeId").asString();
            assertThat(RuntimeId.looksLike(id)).isTrue();
            assertThat(id).startsWith("boto_agent-");
            assertThat(out.path("created").path("agentRuntimeArn").asString())
                    .isEqualTo("arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/" + id);
            assertThat(out.path("created").path("status").asString()).isEqualTo("CREATING");
            assertThat(out.path("createdAtType").asString()).as("botocore parsed the timestamp").isEqualTo("datetime");
            assertThat(out.path("ready").asString()).isEqualTo("READY");

            JsonNode got = out.path("got");
            assertThat(got.path("agentRuntimeName").asString()).isEqualTo("boto_agent");
            assertThat(got.path("protocolConfiguration").path("serverProtocol").asString()).isEqualTo("MCP");
            assertThat(got.path("lifecycleConfiguration").path("idleRuntimeSessionTimeout").asInt()).isEqualTo(120);
            assertThat(got.path("requestHeaderConfiguration").path("requestHeaderAllowlist").get(0).asString())
                    .isEqualTo("X-Amzn-Bedrock-AgentCore-Runtime-Custom-Tenant");
            assertThat(got.path("environmentVariables").path("GREETING").asString()).isEqualTo("hello");
            assertThat(got.path("workloadIdentityDetails").path("workloadIdentityArn").asString())
                    .endsWith("workload-identity/" + id);
            assertThat(out.path("listed").valueStream().map(JsonNode::asString).toList()).containsExactly(id);

            assertThat(out.path("updated").asString()).isEqualTo("READY");
            assertThat(out.path("version").asString()).isEqualTo("2");
            assertThat(out.path("metadataConfiguration").path("requireMMDSV2").asBoolean()).isTrue();
            assertThat(out.path("endpoints").get(0).valueStream().map(JsonNode::asString).toList())
                    .isEqualTo(List.of("DEFAULT", "2"));

            assertThat(Map.of("code", out.path("badName").path("code").asString(),
                    "status", out.path("badName").path("status").asInt(),
                    "message", out.path("badName").path("message").asString()))
                    .isEqualTo(Map.of("code", "ValidationException", "status", 400,
                            "message", "1 validation error detected: Value 'bad-name' at 'agentRuntimeName' failed to"
                                    + " satisfy constraint: Member must satisfy regular expression pattern:"
                                    + " [a-zA-Z][a-zA-Z0-9_]{0,47}"));
            assertThat(out.path("taken").path("code").asString()).isEqualTo("ConflictException");
            assertThat(out.path("taken").path("status").asInt()).isEqualTo(409);
            assertThat(out.path("taken").path("message").asString()).isEqualTo("An agent with the specified name already exists");
            assertThat(out.path("deleted").asString()).isEqualTo("DELETING");
        }
    }
}
