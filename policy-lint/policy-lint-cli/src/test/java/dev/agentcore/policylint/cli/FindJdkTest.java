package dev.agentcore.policylint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import dev.agentcore.testing.RepositoryFiles;

/**
 * scripts/find-jdk.sh, the repository's one JDK finder, run and sourced (as the launcher does) against fake JDKs (a
 * {@code release} file and executables), with PATH and the search directories under the test's control.
 */
class FindJdkTest {

    @TempDir
    Path dir;

    record Result(int code, String out) {
    }

    static Path finder() {
        return RepositoryFiles.root().resolve("scripts/find-jdk.sh");
    }

    static Path bash() {
        return Stream.of(System.getenv("PATH").split(":")).map(p -> Path.of(p, "bash")).filter(Files::isExecutable)
                .findFirst().orElseThrow(() -> new AssertionError("no bash on PATH"));
    }

    /** A fake JDK home: a release file with {@code version} and executable bin/java (and bin/javac unless a runtime). */
    private Path jdk(String name, String version, boolean javac) throws IOException {
        Path home = Files.createDirectories(dir.resolve(name).resolve("bin")).getParent();
        Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"Test\"\nJAVA_VERSION=\"" + version + "\"\nOS_NAME=\"Linux\"\n");
        for (String tool : javac ? List.of("java", "javac") : List.of("java")) {
            Path exe = Files.writeString(home.resolve("bin").resolve(tool), "#!/bin/sh\necho fake " + name + "\n");
            assertThat(exe.toFile().setExecutable(true)).isTrue();
        }
        return home;
    }

    /** Runs {@code command} with exactly this environment (no inherited PATH: no java the test did not put there). */
    private Result run(Map<String, String> env, String... command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().clear();
        pb.environment().put("PATH", Files.createDirectories(dir.resolve("empty-path")).toString());
        pb.environment().put("HOME", dir.toString());
        pb.environment().putAll(env);
        Process p = pb.start();
        p.getOutputStream().close();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).as(String.join(" ", command)).isTrue();
        return new Result(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip());
    }

    private Result find(Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(bash().toString(), finder().toString()));
        command.addAll(List.of(args));
        return run(env, command.toArray(String[]::new));
    }

    @Test
    void javaHomeWinsWhenItQualifiesEvenOverANewerOne() throws Exception {
        Path jdk21 = jdk("chosen/jdk-21", "21.0.2", true);
        jdk("jvm/jdk-25", "25.0.1", true);
        Result r = find(Map.of("JAVA_HOME", jdk21.toString(), "FIND_JDK_DIRS", dir.resolve("jvm").toString()));
        assertThat(r).isEqualTo(new Result(0, jdk21.toString()));
    }

    @Test
    void theNewestInTheSearchDirectoriesWhenJavaHomeIsTooOld() throws Exception {
        Path jdk17 = jdk("jvm/jdk-17", "17.0.15", true);
        jdk("jvm/jdk-21", "21", true);
        jdk("jvm/jdk-8", "1.8.0_392", true);
        Path jdk25 = jdk("other/jdk-25", "25.0.3", true);
        jdk("other/no-release", "", true);
        Result r = find(Map.of("JAVA_HOME", jdk17.toString(),
                "FIND_JDK_DIRS", dir.resolve("jvm") + ":" + dir.resolve("other")));
        assertThat(r).isEqualTo(new Result(0, jdk25.toString()));
    }

    @Test
    void theJavaOnPathComesBeforeTheSearchDirectories() throws Exception {
        Path jdk22 = jdk("opt/jdk-22", "22.0.1", true);
        jdk("jvm/jdk-25", "25.0.1", true);
        Path bin = Files.createDirectories(dir.resolve("path-bin"));
        Files.createSymbolicLink(bin.resolve("java"), jdk22.resolve("bin/java"));
        Path readlink = Stream.of("/usr/bin/readlink", "/bin/readlink").map(Path::of).filter(Files::isExecutable).findFirst()
                .orElseThrow();
        Result r = find(Map.of("PATH", bin + ":" + readlink.getParent(), "FIND_JDK_DIRS", dir.resolve("jvm").toString()));
        assertThat(r).isEqualTo(new Result(0, jdk22.toString()));
    }

    @Test
    void aRuntimeWithoutJavacServesToRunButNotToBuild() throws Exception {
        Path jre = jdk("jvm/jre-23", "23", false);
        Map<String, String> env = Map.of("FIND_JDK_DIRS", dir.resolve("jvm").toString());
        assertThat(find(env)).isEqualTo(new Result(1, ""));
        assertThat(find(env, "--runtime")).isEqualTo(new Result(0, jre.toString()));
    }

    @Test
    void sourcedItSetsTheHomeAndTheFeatureVersion() throws Exception {
        Path jdk24 = jdk("jvm/jdk-24", "24.0.2", true);
        Result r = run(Map.of("FIND_JDK_DIRS", dir.resolve("jvm").toString()), bash().toString(), "-c",
                ". \"$1\"; find_jdk --runtime && echo \"$FIND_JDK_HOME $FIND_JDK_FEATURE\"", "sh", finder().toString());
        assertThat(r).isEqualTo(new Result(0, jdk24 + " 24"));
    }

    @Test
    void theLauncherAsksTheFinderAndSaysSoWhenThereIsNoJdk() throws Exception {
        Path launcher = Launch.launcher();
        String text = Files.readString(launcher);
        assertThat(text).as("the launcher keeps no JDK search of its own").contains("find-jdk.sh")
                .doesNotContain("/usr/lib/jvm").doesNotContain("JAVA_VERSION");
        Path jdk17 = jdk("jvm/jdk-17", "17.0.15", true);
        Result r = run(Map.of("JAVA_HOME", jdk17.toString(), "FIND_JDK_DIRS", dir.resolve("jvm").toString()),
                bash().toString(), launcher.toString(), "--version");
        assertThat(r).isEqualTo(new Result(2, "policy-lint: needs a JDK 21 or newer: set JAVA_HOME to one"));
    }

    @Test
    void anInstalledLauncherUsesTheFinderBesideIt() throws Exception {
        Path bin = Files.createDirectories(dir.resolve("install/bin"));
        Files.copy(Launch.launcher(), bin.resolve("policy-lint"));
        Map<String, String> noJdk = Map.of("FIND_JDK_DIRS", dir.resolve("none").toString());
        Result withoutFinder = run(noJdk, bash().toString(), bin.resolve("policy-lint").toString(), "--version");
        assertThat(withoutFinder.code()).isEqualTo(2);
        assertThat(withoutFinder.out()).startsWith("policy-lint: cannot find find-jdk.sh: copy scripts/find-jdk.sh next to ");
        Files.copy(finder(), bin.resolve("find-jdk.sh"));
        Result withFinder = run(noJdk, bash().toString(), bin.resolve("policy-lint").toString(), "--version");
        assertThat(withFinder).isEqualTo(new Result(2, "policy-lint: needs a JDK 21 or newer: set JAVA_HOME to one"));
    }
}
