package dev.agentcore.deploy.images;

import dev.agentcore.deploy.cli.DeployException;
import dev.agentcore.deploy.cli.ExitCode;
import dev.agentcore.infra.stacks.RuntimeSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Builds runtimes' images with Jib's Maven goals through the repository's own wrapper, for linux/arm64, without Docker.
 *
 * <p>Why the Maven goals and not jib-core as a library: the image is the module's own, described in its pom (base
 * image, ports, JVM flags, environment), and {@code jib:buildTar}/{@code jib:build} read exactly that; jib-core would
 * restate it here and drift. One Maven run builds every module that needs it; a module whose archive is newer than
 * its pom and sources (and the root pom) is not rebuilt, which keeps a redeploy without changes fast.
 *
 * <p>Modules are built with {@code -pl} alone, against their dependencies as installed in the local Maven repository
 * ({@code make deploy} installs them first).
 */
public final class JibBuilds {

    /** Where the base image comes from. */
    public enum Base {
        /** The module's pom ({@code eclipse-temurin:25-jre}, arm64): a real image for AWS. Needs its registry. */
        POM,
        /**
         * {@code scratch} for linux/arm64: the local AgentCore runs the application layers on the host JDK and never
         * the base image, and no registry is needed (as test-support's JibImages builds them).
         */
        SCRATCH
    }

    private final Path root;
    private final Base base;

    public JibBuilds(Path root, Base base) {
        this.root = root;
        this.base = base;
    }

    /** The archive, digest and architecture of each runtime's image, building those that are stale. */
    public List<BuiltImage> build(List<RuntimeSpec> runtimes, java.util.function.Consumer<String> progress) {
        List<RuntimeSpec> stale = runtimes.stream().filter(r -> !fresh(r)).toList();
        if (!stale.isEmpty()) {
            progress.accept("jib:buildTar (linux/arm64, base " + (base == Base.SCRATCH ? "scratch" : "from the pom")
                    + ") for " + stale.stream().map(r -> r.module().toString()).toList());
            run(goals(stale, List.of("compile", "jib:buildTar")), Map.of());
        }
        List<BuiltImage> built = new ArrayList<>();
        for (RuntimeSpec runtime : runtimes) {
            Path tar = archive(runtime);
            try {
                String digest = Files.readString(digestFile(runtime), StandardCharsets.UTF_8).strip();
                built.add(new BuiltImage(runtime, tar, digest, ImageArchive.architecture(tar)));
            } catch (IOException e) {
                throw new DeployException(ExitCode.FAILED, "cannot read the image Jib built for " + runtime.name()
                        + " (" + tar + "): " + e.getMessage() + "; delete " + tar.getParent() + " and deploy again");
            }
        }
        return built;
    }

    /**
     * Pushes {@code image} to {@code reference} ({@code REPOSITORY_URI:TAG}) with Jib's {@code jib:build}. The password
     * reaches Jib as a system property of Maven's JVM (MAVEN_OPTS), never on a command line other users can read.
     */
    public void push(BuiltImage image, String reference, String username, String password) {
        Map<String, String> environment = Map.of("MAVEN_OPTS", (System.getenv().getOrDefault("MAVEN_OPTS", "")
                + " -Djib.to.auth.username=" + username + " -Djib.to.auth.password=" + password).strip());
        List<String> command = new ArrayList<>(goals(List.of(image.runtime()), List.of("compile", "jib:build")));
        command.add("-Dimage=" + reference);
        command.add("-Djib.to.image=" + reference);
        run(command, environment);
    }

    Path archive(RuntimeSpec runtime) {
        return outputs(runtime).resolve("image.tar");
    }

    private Path digestFile(RuntimeSpec runtime) {
        return outputs(runtime).resolve("image.digest");
    }

    private Path outputs(RuntimeSpec runtime) {
        return root.resolve(runtime.module()).resolve("target").resolve("agentcore-deploy")
                .resolve(base.name().toLowerCase(java.util.Locale.ROOT));
    }

    private boolean fresh(RuntimeSpec runtime) {
        Path digest = digestFile(runtime);
        if (!Files.isRegularFile(digest) || !Files.isRegularFile(archive(runtime))) {
            return false;
        }
        try {
            FileTime built = Files.getLastModifiedTime(digest);
            Path module = root.resolve(runtime.module());
            List<Path> inputs = new ArrayList<>(List.of(root.resolve("pom.xml"), module.resolve("pom.xml")));
            if (Files.isDirectory(module.resolve("src"))) {
                try (Stream<Path> files = Files.walk(module.resolve("src"))) {
                    files.filter(Files::isRegularFile).forEach(inputs::add);
                }
            }
            for (Path input : inputs) {
                if (Files.exists(input) && Files.getLastModifiedTime(input).compareTo(built) > 0) {
                    return false;
                }
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private List<String> goals(List<RuntimeSpec> runtimes, List<String> goals) {
        List<String> command = new ArrayList<>(List.of(root.resolve("mvnw").toString(), "-B", "-ntp", "-q", "-o",
                "-f", root.resolve("pom.xml").toString(),
                "-pl", String.join(",", runtimes.stream().map(r -> r.module().toString()).toList())));
        command.addAll(goals);
        String out = "target/agentcore-deploy/" + base.name().toLowerCase(java.util.Locale.ROOT);
        command.addAll(List.of("-Djib.outputPaths.tar=" + out + "/image.tar",
                "-Djib.outputPaths.digest=" + out + "/image.digest",
                "-Djib.outputPaths.imageId=" + out + "/image.id",
                "-Djib.outputPaths.imageJson=" + out + "/image.json",
                "-Djib.from.platforms=linux/arm64"));
        if (base == Base.SCRATCH) {
            command.add("-Djib.from.image=scratch");
        }
        return command;
    }

    private void run(List<String> command, Map<String, String> environment) {
        try {
            Path log = Files.createTempFile("agentcore-deploy-jib", ".log");
            try {
                // Offline first (the usual case once the build ran); once more online for a plugin never fetched.
                if (exec(command, environment, log) != 0) {
                    List<String> online = new ArrayList<>(command);
                    online.remove("-o");
                    if (exec(online, environment, log) != 0) {
                        List<String> tail = Files.readAllLines(log, StandardCharsets.UTF_8);
                        String shown = String.join("\n", tail.subList(Math.max(0, tail.size() - 15), tail.size()))
                                .replace(environment.getOrDefault("MAVEN_OPTS", "\u0000"), "<MAVEN_OPTS>");
                        throw new DeployException(ExitCode.FAILED, "Jib failed (" + String.join(" ", command.subList(
                                command.indexOf("-pl"), command.size())) + "); the end of its output:\n" + shown
                                + "\nnext: build the modules first (./mvnw install -DskipTests -pl <module> -am), then"
                                + " deploy again");
                    }
                }
            } finally {
                Files.deleteIfExists(log);
            }
        } catch (IOException e) {
            throw new DeployException(ExitCode.FAILED, "cannot run Jib through " + root.resolve("mvnw") + ": "
                    + e.getMessage());
        }
    }

    private int exec(List<String> command, Map<String, String> environment, Path log) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        if (System.getenv("JAVA_HOME") == null) {
            builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        }
        Process process = builder.start();
        try {
            if (!process.waitFor(15, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                return -1;
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new DeployException(ExitCode.FAILED, "interrupted while Jib was building");
        }
        return process.exitValue();
    }
}
