package dev.agentcore.localaws;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.agentcore.testing.PythonSuites;
import dev.agentcore.testing.RepositoryFiles;

/**
 * The local AWS's Python suite (infra/local-aws/tests) from make test: the pinned .venv's python, this JDK for the
 * local AgentCore it starts, and the jar local-agentcore just built. Fails on any failure or error; never skips.
 */
class LocalAwsPythonTest {

    @Test
    void theUnittestSuitePasses() throws Exception {
        Path root = RepositoryFiles.root();
        Path jar = root.resolve("infra/local-agentcore/target/local-agentcore.jar");
        assertThat(jar).as("build it: ./mvnw install -DskipTests -pl infra/local-agentcore -am").isRegularFile();
        PythonSuites.Result suite = PythonSuites.unittest(root.resolve("infra/local-aws"), Map.of("LOCAL_AGENTCORE_JAR", jar.toString()),
                "-s", "tests", "-t", ".");
        assertThat(suite.testsRun()).as("tests run").isGreaterThanOrEqualTo(11);
    }
}
