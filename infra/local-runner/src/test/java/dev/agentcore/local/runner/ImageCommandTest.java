package dev.agentcore.local.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import dev.agentcore.testing.JibImages;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The image's command as the pool would run it, for the image benchmark: the hello agent's own tar. */
class ImageCommandTest {

    @TempDir
    Path work;

    @Test
    void printsTheHostJavaCommandWithTheImageFlagsAndTheSessionEnvironment() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = ImageCommand.run(new String[] {JibImages.helloAgent("arm64").toString(), work.toString(), "18080"},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        JsonNode json = JsonMapper.builder().build().readTree(out.toString(StandardCharsets.UTF_8));
        JsonNode command = json.path("command");
        assertThat(command.get(0).asString()).isEqualTo(HostJdk.find().java().toString());
        assertThat(command.toString()).contains("-XX:+UseSerialGC").contains("rootfs/app/jib-classpath-file")
                .contains("dev.agentcore.samples.hello.HelloAgentApplication").doesNotContain("\"/app/");
        assertThat(json.path("environment").path("PORT").asString()).isEqualTo("18080");
        assertThat(json.path("environment").path("SERVER_PORT").asString()).isEqualTo("18080");
        assertThat(json.path("environment").has("AWS_ACCESS_KEY_ID")).isFalse();
        assertThat(Files.isDirectory(Path.of(json.path("directory").asString()))).isTrue();
    }

    /**
     * The images ship C1 only and a class path of jars only: the JVM writes no class-data or AOT archive from a class
     * path with a non-empty folder on it (Jib's default {@code classes/} and {@code resources/}).
     */
    @ParameterizedTest
    @ValueSource(strings = {"hello-agent", "mcp-echo"})
    void theImagesShipC1OnlyAndAClassPathThatTheJvmCanArchive(String name) throws Exception {
        Path tar = name.equals("hello-agent") ? JibImages.helloAgent("arm64") : JibImages.mcpEcho();
        ImageCommand command = ImageCommand.of(tar, work, 18000, HostJdk.find());

        assertThat(command.command()).contains("-XX:TieredStopAtLevel=1");
        String argfile = command.command().get(command.command().indexOf("-cp") + 1).substring(1);
        List<Path> classpath = new java.util.ArrayList<>();
        for (String entry : Files.readString(Path.of(argfile)).strip().split(":")) {
            // Jib's packaged mode names its folder with a wildcard, which the java launcher expands to the jars in it.
            if (entry.endsWith("/*")) {
                try (var jars = Files.list(Path.of(entry.substring(0, entry.length() - 2)))) {
                    classpath.addAll(jars.toList());
                }
            } else {
                classpath.add(Path.of(entry));
            }
        }
        assertThat(classpath).isNotEmpty().allSatisfy(entry -> assertThat(entry.toString()).endsWith(".jar"))
                .anySatisfy(entry -> assertThat(entry.toString()).contains("/app/classpath/" + name + "."));
    }

    @Test
    void refusesAMissingArchiveInOneLine() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = ImageCommand.run(new String[] {work.resolve("none.tar").toString(), work.toString(), "1"},
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("image-command: image archive ")
                .doesNotContain("Exception").hasLineCount(1);
    }

    @Test
    void refusesAPortThatIsNotANumber() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertThat(ImageCommand.run(new String[] {"a.tar", work.toString(), "http"}, new PrintStream(
                new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8))).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("PORT must be a number");
    }
}
