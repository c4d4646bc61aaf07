package dev.agentcore.infra.stacks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentcore.core.runtime.Qualifier;
import dev.agentcore.core.runtime.ServerProtocol;
import dev.agentcore.testing.RepositoryFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuntimeManifestTest {

    @TempDir
    Path dir;

    @Test
    void theCommittedManifestReadsAndNamesTheFourSamples() {
        RuntimeManifest manifest = RuntimeManifest.read(RepositoryFiles.require(RuntimeManifest.DEFAULT_LOCATION.toString()));
        assertThat(manifest.names()).extracting(Object::toString)
                .startsWith("hello_agent", "fitness_coach_agent", "mcp_echo", "fitness_mcp_server"); // make new-agent appends
        RuntimeSpec echo = manifest.runtime("mcp_echo").orElseThrow();
        assertThat(echo.protocol()).isEqualTo(ServerProtocol.MCP);
        assertThat(echo.auth()).isEqualTo(InboundAuth.JWT);
        assertThat(echo.model()).isEmpty();
        assertThat(echo.endpoints()).containsEntry(new Qualifier("dev"), 2);
        assertThat(manifest.runtime("hello_agent").orElseThrow().model()).isPresent();
    }

    @Test
    void everyProblemIsListedWithItsField() throws IOException {
        Files.createDirectories(dir.resolve("agents/a"));
        Files.writeString(dir.resolve("agents/a/pom.xml"), "<project/>");
        Path file = write("""
                {"runtimes": [
                  {"name": "mcp-echo", "module": "agents/a", "protocol": "HTTP", "auth": "SIGV4"},
                  {"name": "ok_one", "module": "nowhere", "protocol": "A2A", "auth": "OAUTH",
                   "endpoints": {"DEFAULT": 1, "dev": 0}, "environment": {"1BAD": "x"}, "colour": "red"},
                  {"name": "ok_two", "module": "agents/a", "protocol": "mcp", "auth": "jwt", "endpoints": {"dev": 2}},
                  {"name": "ok_two", "module": "agents/a", "protocol": "MCP", "auth": "JWT"}
                ]}
                """);
        assertThatThrownBy(() -> RuntimeManifest.read(file))
                .isInstanceOfSatisfying(InfraConfigException.class, e -> assertThat(e.problems())
                        .extracting(Problem::where)
                        .containsExactlyInAnyOrder("runtimes[0].name", "runtimes[1].colour", "runtimes[1].module",
                                "runtimes[1].protocol", "runtimes[1].auth", "runtimes[1].environment.1BAD",
                                "runtimes[1].endpoints.DEFAULT", "runtimes[1].endpoints.dev", "runtimes[3].name"))
                .hasMessageContaining("hyphens are not allowed; use mcp_echo")
                .hasMessageContaining("'ok_two' appears twice");
    }

    @Test
    void namesAreCaseInsensitiveForProtocolAndAuth() throws IOException {
        Files.createDirectories(dir.resolve("m"));
        Files.writeString(dir.resolve("m/pom.xml"), "<project/>");
        RuntimeManifest manifest = RuntimeManifest.read(write("""
                {"runtimes": [{"name": "x", "module": "m", "protocol": "mcp", "auth": "jwt"}]}
                """));
        assertThat(manifest.runtimes().getFirst().auth()).isEqualTo(InboundAuth.JWT);
        assertThat(manifest.runtimes().getFirst().module()).isEqualTo(Path.of("m"));
    }

    @Test
    void aModuleOutsideTheRepositoryIsRefused() throws IOException {
        Path file = write("""
                {"runtimes": [{"name": "x", "module": "../elsewhere", "protocol": "HTTP", "auth": "SIGV4"}]}
                """);
        assertThatThrownBy(() -> RuntimeManifest.read(file)).hasMessageContaining("runtimes[0].module");
    }

    private Path write(String json) throws IOException {
        Path file = dir.resolve("runtimes.json");
        Files.writeString(file, json);
        return file;
    }
}
