package dev.agentcore.policylint;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import dev.agentcore.policylint.config.ConfigSource;
import dev.agentcore.policylint.report.Report;
import dev.agentcore.policylint.report.ReportFormat;
import dev.agentcore.policylint.source.Disk;

/**
 * Lints in-process through the library's API ({@link Lint}) and keeps what a caller would show: the report, the
 * messages (why the lint was refused, or the input errors, one a line) and what --verbose lists as passed over.
 */
record LintRun(ExitStatus status, String out, String err, String passedOver) {

    static final Path FIXTURES = Path.of("src/test/resources/fixtures").toAbsolutePath();

    static Path fixture(String relative) {
        return FIXTURES.resolve(relative);
    }

    /** A request from {@code dir} that ignores configuration files, as most tests want. */
    static LintRequest.Builder withoutConfig(Path dir) {
        return LintRequest.in(dir).config(ConfigSource.none());
    }

    static LintRun run(LintRequest.Builder request) {
        return run(request, ReportFormat.TEXT);
    }

    static LintRun run(LintRequest.Builder request, ReportFormat format) {
        return run(request, format, Disk.REAL);
    }

    /** Finds and reads the inputs through {@code disk}: a test's injected failures. */
    static LintRun run(LintRequest.Builder request, Disk disk) {
        return run(request, ReportFormat.TEXT, disk);
    }

    private static LintRun run(LintRequest.Builder request, ReportFormat format, Disk disk) {
        LintRequest built = request.build();
        return switch (Lint.run(built, disk)) {
            case LintOutcome.Refused refused -> new LintRun(refused.status(), "", refused.message() + "\n", "");
            case LintOutcome.Linted linted -> {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                Report.of(format, built.workingDirectory()).write(linted.result(), new PrintStream(out, true, StandardCharsets.UTF_8));
                StringBuilder err = new StringBuilder();
                linted.result().inputErrors().forEach(e -> err.append(e).append('\n'));
                StringBuilder passedOver = new StringBuilder();
                linted.result().passedOver().forEach(p -> passedOver.append(p).append('\n'));
                yield new LintRun(linted.status(), out.toString(StandardCharsets.UTF_8), err.toString(), passedOver.toString());
            }
        };
    }

    int code() {
        return status.code();
    }
}
