package dev.agentcore.mcp.fitness;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.agentcore.mcp.testing.JibImage;

/**
 * AgentCore runs arm64 containers that serve MCP on port 8000. Building the image needs the base image's registry,
 * which this machine cannot reach, so this checks the Jib configuration it is built from (README: the commands).
 */
class ImageConfigurationTest {

    @Test
    void jibBuildsAnArm64TemurinImageServingPort8000OnAllInterfaces() throws Exception {
        assertThat(JibImage.of(Path.of("pom.xml")))
                .isEqualTo(new JibImage("eclipse-temurin:25-jre", "arm64", "linux", "8000", "1000",
                        Map.of("SERVER_ADDRESS", "0.0.0.0", "DOCKER_CONTAINER", "1")));
    }
}
