package dev.agentcore.mcp.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * Outside a container the server listened on all interfaces and answered any Host and Origin, which let a web page
 * reach it through DNS rebinding (issue 12). ConfiguredServerTest shows what the loopback lists refuse.
 */
class McpServerEnvironmentDefaultsTest {

    @TempDir
    Path dir;

    @Test
    void outsideAContainerItListensOnLoopbackAndAnswersLoopbackNamesOnly() {
        McpServerProperties properties = bind(environment(Map.of()), dir.resolve("no-dockerenv"));

        assertThat(properties.validatesHostAndOrigin()).isTrue();
        assertThat(properties.allowedHosts()).containsExactly("localhost:*", "127.0.0.1:*", "[::1]:*");
        assertThat(properties.allowedOrigins()).containsExactly("http://localhost:*", "http://127.0.0.1:*", "http://[::1]:*");
    }

    @Test
    void inAContainerItListensOnAllInterfacesForAgentCoreWhichForwardsItsOwnHost() throws Exception {
        Path marker = Files.createFile(dir.resolve(".dockerenv"));
        StandardEnvironment byMarker = environment(Map.of());
        StandardEnvironment byVariable = environment(Map.of("DOCKER_CONTAINER", "1"));

        assertThat(bind(byMarker, marker).validatesHostAndOrigin()).isFalse();
        assertThat(bind(byVariable, dir.resolve("none")).validatesHostAndOrigin()).isFalse();
        assertThat(byMarker.getProperty("server.address")).isEqualTo("0.0.0.0");
        assertThat(byVariable.getProperty("server.address")).isEqualTo("0.0.0.0");
    }

    @Test
    void slowClientsTieNoPlatformThreadAndTheUsersOwnSettingsWin() {
        StandardEnvironment defaults = environment(Map.of());
        bind(defaults, dir.resolve("none"));
        StandardEnvironment own = environment(Map.of("server.address", "10.1.2.3", "mcp.server.allowed-hosts", "mcp.example:*"));
        McpServerProperties properties = bind(own, dir.resolve("none"));

        assertThat(defaults.getProperty("server.address")).isEqualTo("127.0.0.1");
        assertThat(defaults.getProperty("spring.threads.virtual.enabled")).isEqualTo("true");
        assertThat(defaults.getProperty("server.tomcat.connection-timeout")).isEqualTo("10s");
        assertThat(own.getProperty("server.address")).isEqualTo("10.1.2.3");
        assertThat(properties.allowedHosts()).containsExactly("mcp.example:*");
    }

    private static McpServerProperties bind(StandardEnvironment environment, Path marker) {
        new McpServerEnvironmentDefaults(marker).postProcessEnvironment(environment, new SpringApplication());
        return Binder.get(environment).bindOrCreate("mcp.server", McpServerProperties.class);
    }

    private static StandardEnvironment environment(Map<String, Object> properties) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
        return environment;
    }
}
