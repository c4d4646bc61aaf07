package dev.agentcore.client.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateFileTest {

    /** The example in docs/state-file.md is the contract with the deploy CLI: read it from there. */
    static String documentedExample() throws Exception {
        String doc = Files.readString(Path.of(System.getProperty("repo.root", "../.."), "docs", "state-file.md"));
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
}
