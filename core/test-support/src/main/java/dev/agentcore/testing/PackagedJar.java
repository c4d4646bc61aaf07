package dev.agentcore.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A module's packaged jar run as its users run it ({@code java [options] -jar jar [args]}) on the JVM running the
 * tests, on a free loopback port; for integration tests of what {@code package} produced. Close it to stop it.
 */
public final class PackagedJar {

    private PackagedJar() {
    }

    /**
     * Starts {@code jar} and waits (at most 60 s) until its port accepts connections. {@code {port}} in an option or
     * argument is replaced by the port chosen.
     */
    public static LoopbackProcess start(Path jar, List<String> jvmOptions, List<String> args)
            throws IOException, InterruptedException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: run the module's package phase first");
        }
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java")));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString()));
        command.addAll(args);
        return LoopbackProcess.start(jar.getFileName().toString(), command, LoopbackProcess.Readiness.LISTENING,
                Duration.ofSeconds(60));
    }
}
