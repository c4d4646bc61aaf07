package dev.agentcore.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The samples' images (the hello agent's, mcp-echo's), built by Jib's own {@code jib:buildTar} from the sample's pom, once per test JVM. The base
 * image is {@code scratch} instead of {@code eclipse-temurin:25-jre}: no registry is reachable here, and the runner
 * keeps only the application folder anyway. The layers, entry point, flags and environment are the sample's own.
 */
public final class JibImages {

    private static final Map<String, Path> BUILT = new ConcurrentHashMap<>();

    private JibImages() {
    }

    /** The hello agent's image for {@code architecture} ({@code arm64}, {@code amd64}). */
    public static Path helloAgent(String architecture) {
        return BUILT.computeIfAbsent("agents/samples/hello-agent " + architecture,
                ignored -> build("agents/samples/hello-agent", architecture));
    }

    public static Path mcpEcho() {
        return BUILT.computeIfAbsent("mcp-servers/mcp-echo arm64", ignored -> build("mcp-servers/mcp-echo", "arm64"));
    }

    private static int run(List<String> command, Path log) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        // The JDK running the tests (21 or newer, as the build requires) builds the image too.
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process process = builder.start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("jib:buildTar took over 5 minutes: " + String.join(" ", command));
        }
        return process.exitValue();
    }

    /**
     * The image tar of {@code module} (a folder of the reactor, named as its artifact) for {@code architecture}. The
     * module is built with the modules it depends on ({@code -am}, packaged, tests skipped) and only it is containerized
     * ({@code jib.containerize}), so the image holds this checkout's libraries: with {@code -pl} alone Maven would take
     * them from the local repository, which any other build on the machine may have replaced (measured: 13.5 s against
     * 7.7 s for the hello agent).
     */
    public static Path build(String module, String architecture) {
        Path root = RepositoryFiles.root();
        Path out = Path.of("target", "jib-images").toAbsolutePath();
        String artifact = Path.of(module).getFileName().toString();
        String name = artifact + "-" + architecture;
        Path tar = out.resolve(name + ".tar");
        List<String> command = new ArrayList<>(List.of(root.resolve("mvnw").toString(), "-B", "-ntp", "-o", "-q",
                "-f", root.resolve("pom.xml").toString(), "-pl", module, "-am",
                "package", "-DskipTests", "jib:buildTar", "-Djib.containerize=:" + artifact,
                "-Djib.from.image=scratch", "-Djib.from.platforms=linux/" + architecture,
                "-Djib.outputPaths.tar=" + tar,
                "-Djib.outputPaths.digest=" + out.resolve(name + ".digest"),
                "-Djib.outputPaths.imageId=" + out.resolve(name + ".id"),
                "-Djib.outputPaths.imageJson=" + out.resolve(name + ".json")));
        try {
            Files.createDirectories(out);
            Path log = out.resolve("jib-" + name + ".log");
            Files.deleteIfExists(tar);
            // Offline first; on a machine that never resolved jib-maven-plugin, once more online to fetch it.
            if (run(command, log) != 0 || !Files.isRegularFile(tar)) {
                command.remove("-o");
                if (run(command, log) != 0 || !Files.isRegularFile(tar)) {
                    throw new AssertionError("jib:buildTar failed (" + String.join(" ", command) + "):\n"
                            + Files.readString(log, StandardCharsets.UTF_8));
                }
            }
            return tar;
        } catch (IOException e) {
            throw new AssertionError("cannot run jib:buildTar: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
