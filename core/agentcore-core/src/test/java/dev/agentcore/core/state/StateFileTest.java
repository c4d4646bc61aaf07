package dev.agentcore.core.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

import dev.agentcore.testing.RepositoryFiles;
import org.junit.jupiter.api.io.TempDir;

class StateFileTest {

    /** The example in docs/state-file.md is the contract with the deploy CLI: read it from there. */
    static String documentedExample() throws Exception {
        String doc = Files.readString(RepositoryFiles.root().resolve("docs/state-file.md"));
        Matcher m = Pattern.compile("```json\\n(.*?)```", Pattern.DOTALL).matcher(doc);
        assertThat(m.find()).as("docs/state-file.md has a json example").isTrue();
        return m.group(1);
    }

    @Test
    void readsTheDocumentedExample(@TempDir Path dir) throws Exception {
        Path file = dir.resolve(".agentcore/state.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, documentedExample());

        StateFile state = StateFile.read(file);

        DeployedRuntime runtime = state.runtime("mcp_echo").orElseThrow();
        assertThat(state.runtime("mcp_echo-N0geaLEEPE")).contains(runtime);
        assertThat(runtime.isMcp()).isTrue();
        assertThat(runtime.createdAt()).isEqualTo(Instant.parse("2025-09-30T12:00:00Z"));
        assertThat(runtime.endpoints()).extracting(RuntimeEndpoint::name).containsExactly("DEFAULT", "dev");
        assertThat(runtime.authorizer().expectedIssuer()).isEqualTo("https://cognito-idp.us-east-1.amazonaws.com/us-east-1_AbCdEf123");
        assertThat(state.cognito().region()).isEqualTo("us-east-1");
        assertThat(state.cognito().scopes()).containsExactly("agentcore/invoke");
        assertThat(StateFile.locate(dir.resolve("some/deeper/dir"))).contains(file.toAbsolutePath());
    }

    @Test
    void malformedFilesNameTheFileLineAndColumn(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("state.json");
        Files.writeString(file, "{\n  \"version\": 1,\n  \"runtimes\": [ { \"name\": \"a\", } ]\n}\n");
        assertThatThrownBy(() -> StateFile.read(file)).isInstanceOf(StateFileException.class)
                .hasMessageStartingWith(file + ":3:");
        assertThatThrownBy(() -> StateFile.read(dir.resolve("missing.json"))).hasMessageEndingWith("no such file");
    }

    @Test
    void whatIsWrittenReadsBackTheSame(@TempDir Path dir) throws Exception {
        Path example = dir.resolve("example.json");
        Files.writeString(example, documentedExample());
        StateFile state = StateFile.read(example);

        Path file = dir.resolve("repo/.agentcore/state.json");
        state.write(file);

        assertThat(StateFile.read(file)).isEqualTo(state);
        assertThat(Files.readString(file)).contains("\"protocol\" : \"MCP\"").contains("\"createdAt\" : \"2025-09-30T12:00:00Z\"")
                .doesNotContain("null");
        try (var left = Files.list(file.getParent())) {
            assertThat(left).containsExactly(file);
        }
    }

    @Test
    void aRuntimeIsReplacedByName() throws Exception {
        DeployedRuntime v1 = runtime("mcp_echo", "1");
        DeployedRuntime other = runtime("hello_agent", "1");
        DeployedRuntime v2 = runtime("mcp_echo", "2");
        StateFile state = StateFile.of("us-east-1", "123456789012", List.of(v1, other), null).withRuntime(v2);
        assertThat(state.runtimes()).containsExactly(other, v2);
        assertThat(state.version()).isEqualTo(StateFile.CURRENT_VERSION);
    }

    @Test
    void aFailedWriteLeavesTheOldFileAndNoTemporaryFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("state.json");
        StateFile.of("us-east-1", "123456789012", List.of(), null).write(file);
        String before = Files.readString(file);
        // A directory where the file should be: the rename fails after the temporary file was written.
        Path blocked = dir.resolve("blocked.json");
        Files.createDirectories(blocked.resolve("child"));

        assertThatThrownBy(() -> StateFile.of("eu-west-1", "123456789012", List.of(), null).write(blocked))
                .isInstanceOf(StateFileException.class).hasMessageStartingWith(blocked + ": cannot be written");

        assertThat(Files.readString(file)).isEqualTo(before);
        try (var left = Files.list(dir)) {
            assertThat(left).containsExactlyInAnyOrder(file, blocked);
        }
    }

    @Test
    void aNewerVersionIsRefusedWithTheReason(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("state.json");
        Files.writeString(file, "{\"version\": 2, \"runtimes\": []}");
        assertThatThrownBy(() -> StateFile.read(file)).hasMessageContaining("version 2 was written by a newer deploy tool");
    }

    @Test
    void anUnknownProtocolIsNamed(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("state.json");
        Files.writeString(file, "{\"runtimes\": [{\"name\": \"a\", \"protocol\": \"GRPC\"}]}");
        assertThatThrownBy(() -> StateFile.read(file)).hasMessageStartingWith(file + ":1:")
                .hasMessageContaining("protocol");
    }

    private static DeployedRuntime runtime(String name, String version) {
        return new DeployedRuntime(name, name + "-AbCdE12345",
                "arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/" + name + "-AbCdE12345", version,
                dev.agentcore.core.runtime.ServerProtocol.HTTP, null, null, null, null, List.of());
    }
}
