package dev.agentcore.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.agentcore.testing.PythonSuites;
import dev.agentcore.testing.RepositoryFiles;

/**
 * make local-up / local-down's suite (scripts/tests) from make test: the pinned .venv's python runs it (boto3 checks
 * the printed exports), the script under test runs on the system's python3 as make runs it, with this JDK and the jar
 * local-agentcore just built. Fails on any failure or error; never skips.
 */
class LocalStackScriptTest {

    @Test
    void theUnittestSuitePasses() throws Exception {
        Path root = RepositoryFiles.root();
        // LOCAL_AGENTCORE_JAR, as the launcher reads it, when set: a jar built elsewhere.
        String configured = System.getenv("LOCAL_AGENTCORE_JAR");
        Path jar = configured != null && !configured.isBlank() ? Path.of(configured)
                : root.resolve("infra/local-agentcore/target/local-agentcore.jar");
        assertThat(jar).as("build it: ./mvnw install -DskipTests -pl infra/local-agentcore -am").isRegularFile();
        PythonSuites.Result suite = PythonSuites.unittest(root, Map.of("LOCAL_AGENTCORE_JAR", jar.toString()),
                "-s", "scripts/tests");
        assertThat(suite.testsRun()).as("tests run").isGreaterThanOrEqualTo(5);
    }
}
