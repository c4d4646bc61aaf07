package dev.agentcore.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.agentcore.testing.RepositoryFiles;

/**
 * make local-up / local-down's suite (scripts/tests) from make test: the pinned .venv's python runs it (boto3 checks
 * the printed exports), the script under test runs on the system's python3 as make runs it, with this JDK and the jar
 * local-agentcore just built. Fails on any failure or error; never skips.
 */
class LocalStackScriptTest {

    private static final Pattern RAN = Pattern.compile("(?m)^Ran (\\d+) tests? in ");

    @Test
    void theUnittestSuitePasses() throws Exception {
        Path root = RepositoryFiles.root();
        // LOCAL_AGENTCORE_JAR, as the launcher reads it, when set: a jar built elsewhere.
        String configured = System.getenv("LOCAL_AGENTCORE_JAR");
        Path jar = configured != null && !configured.isBlank() ? Path.of(configured)
                : root.resolve("infra/local-agentcore/target/local-agentcore.jar");
        assertThat(jar).as("build it: ./mvnw install -DskipTests -pl infra/local-agentcore -am").isRegularFile();
        Path log = Files.createTempFile("local-stack-tests", ".log");
        try {
            var command = new ProcessBuilder(RepositoryFiles.python().toString(), "-m", "unittest", "discover",
                    "-s", "scripts/tests", "-v")
                    .directory(root.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            command.environment().keySet().removeIf(k -> k.startsWith("AWS_"));
            command.environment().put("JAVA_HOME", System.getProperty("java.home"));
            command.environment().put("LOCAL_AGENTCORE_JAR", jar.toString());
            command.environment().put("PYTHONDONTWRITEBYTECODE", "1");
            Process run = command.start();
            boolean finished = run.waitFor(10, TimeUnit.MINUTES);
            if (!finished) {
                run.destroyForcibly();
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            assertThat(finished).as("the suite did not finish in 10 minutes:%n%s", output).isTrue();
            assertThat(run.exitValue()).as("scripts/tests failed:%n%s", output).isZero();
            Matcher ran = RAN.matcher(output);
            assertThat(ran.find()).as("no unittest summary:%n%s", output).isTrue();
            assertThat(Integer.parseInt(ran.group(1))).as("tests run").isGreaterThanOrEqualTo(5);
            assertThat(output).doesNotContain("skipped");
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
