package dev.agentcore.local.runner;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.json.JsonMapper;

/**
 * The java command, environment and working folder a session of an image tar runs with, exactly as {@link SessionPool}
 * would start it (same reading, extraction, rewriting and environment), printed as JSON so that a benchmark can start
 * the image's own entry point many times without a pool in between: {@code scripts/bench/image_bench.py} uses it.
 *
 * <pre>java -cp local-runner.jar:... dev.agentcore.local.runner.ImageCommand IMAGE.tar WORK_DIR PORT</pre>
 *
 * @param command the host JDK's launcher, then the image's rewritten arguments
 * @param environment the session's whole environment (no credentials: none are given); {@code PORT} and
 *     {@code SERVER_PORT} carry the port asked for
 * @param directory the folder the process starts in
 */
public record ImageCommand(List<String> command, Map<String, String> environment, Path directory) {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String URI = "local-runner.invalid/image-command:latest";

    public ImageCommand {
        command = List.copyOf(command);
        environment = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(environment));
    }

    /** Reads and extracts {@code archive} under {@code workDir/images} as the pool does, for a session on {@code port}. */
    public static ImageCommand of(Path archive, Path workDir, int port, HostJdk jdk) {
        ImageCache cache = new ImageCache(ImageSource.registered().register(URI, archive), workDir.resolve("images"));
        PreparedImage image = cache.prepare(URI);
        Path home = workDir.resolve("home");
        Map<String, String> env = new LinkedHashMap<>();
        // The protocol does not change the environment or the command, only how the pool probes health.
        SessionProcess.environment(env, SessionLaunch.builder(URI, ServerProtocol.HTTP).build(), image, jdk, home, port);
        try {
            java.nio.file.Files.createDirectories(home);
        } catch (java.io.IOException e) {
            throw new RunnerException.StartFailed("cannot create " + home + ": " + e.getMessage(), e);
        }
        return new ImageCommand(SessionProcess.command(image, jdk), env, image.workingDir().orElse(home));
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length != 3) {
            err.println("usage: ImageCommand IMAGE.tar WORK_DIR PORT");
            return 2;
        }
        int port;
        try {
            port = Integer.parseInt(args[2]);
        } catch (NumberFormatException e) {
            err.println("image-command: PORT must be a number, not '" + args[2] + "'");
            return 2;
        }
        try {
            ImageCommand command = of(Path.of(args[0]), Path.of(args[1]), port, HostJdk.find());
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("command", command.command());
            json.put("environment", command.environment());
            json.put("directory", command.directory().toString());
            out.println(JSON.writeValueAsString(json));
            return 0;
        } catch (RunnerException e) {
            err.println("image-command: " + Optional.ofNullable(e.getMessage()).orElse(e.toString()));
            return 1;
        }
    }
}
