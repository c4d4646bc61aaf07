package dev.agentcore.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/** What the CLI reads from and writes to, passed in so tests run it in-process. */
public record Environment(Map<String, String> variables, Path workingDirectory, InputStream in, PrintStream out,
                          PrintStream err, Clock clock) {

    public static Environment system() {
        return new Environment(System.getenv(), Path.of("").toAbsolutePath(), System.in, System.out, System.err,
                Clock.systemUTC());
    }

    public Optional<String> variable(String name) {
        return Optional.ofNullable(variables.get(name)).filter(v -> !v.isBlank());
    }
}
