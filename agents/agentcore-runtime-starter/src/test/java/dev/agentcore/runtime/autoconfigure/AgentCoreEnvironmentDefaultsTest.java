package dev.agentcore.runtime.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class AgentCoreEnvironmentDefaultsTest {

    @TempDir
    Path dir;

    @Test
    void bindsLoopbackOutsideAContainerAsThePythonSdkDoes() {
        StandardEnvironment environment = environment(Map.of());
        new AgentCoreEnvironmentDefaults(dir.resolve("no-dockerenv")).postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("server.address")).isEqualTo("127.0.0.1");
        assertThat(environment.getProperty("server.port")).isEqualTo("8080");
    }

    @Test
    void bindsAllInterfacesInAContainer() throws Exception {
        Path marker = Files.createFile(dir.resolve(".dockerenv"));
        StandardEnvironment byMarker = environment(Map.of());
        new AgentCoreEnvironmentDefaults(marker).postProcessEnvironment(byMarker, new SpringApplication());
        StandardEnvironment byVariable = environment(Map.of("DOCKER_CONTAINER", "1"));
        new AgentCoreEnvironmentDefaults(dir.resolve("none")).postProcessEnvironment(byVariable, new SpringApplication());

        assertThat(byMarker.getProperty("server.address")).isEqualTo("0.0.0.0");
        assertThat(byVariable.getProperty("server.address")).isEqualTo("0.0.0.0");
    }

    @Test
    void theUsersOwnSettingsWin() {
        StandardEnvironment environment = environment(Map.of("server.address", "10.1.2.3", "server.port", "9090",
                "spring.threads.virtual.enabled", "false"));
        new AgentCoreEnvironmentDefaults(dir.resolve("none")).postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("server.address")).isEqualTo("10.1.2.3");
        assertThat(environment.getProperty("server.port")).isEqualTo("9090");
        assertThat(environment.getProperty("spring.threads.virtual.enabled")).isEqualTo("false");
    }

    private static StandardEnvironment environment(Map<String, Object> properties) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
        return environment;
    }
}
