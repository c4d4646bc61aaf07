package dev.agentcore.policylint.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Runs the CLI in-process and captures what it prints. */
record Cli(int code, String out, String err) {

    /** The library's rule fixtures (the pom passes their directory). */
    static final Path FIXTURES = Path.of(System.getProperty("policy-lint.fixtures", "../policy-lint/src/test/resources/fixtures"))
            .toAbsolutePath().normalize();

    static Cli run(Path cwd, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = PolicyLint.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), cwd);
        return new Cli(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static String fixture(String relative) {
        return FIXTURES.resolve(relative).toString();
    }
}
