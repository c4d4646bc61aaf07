package dev.agentcore.deploy.cli;

import dev.agentcore.policylint.ExitStatus;
import dev.agentcore.policylint.LintOutcome;
import dev.agentcore.policylint.LintRequest;
import dev.agentcore.policylint.config.ConfigSource;
import dev.agentcore.policylint.report.TextReport;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/** policy-lint over the deploy's templates, in-process, against a runtimes file. */
final class Lint {

    record Outcome(boolean errors, String report) {
    }

    private Lint() {
    }

    static Outcome run(Path root, List<Path> templates, Path runtimesFile) {
        LintOutcome outcome = dev.agentcore.policylint.Lint.run(LintRequest.in(root).config(ConfigSource.none())
                .paths(templates).runtimeFiles(runtimesFile).build());
        if (!(outcome instanceof LintOutcome.Linted linted)) {
            throw new DeployException(ExitCode.LINT, "policy-lint could not run: " + ((LintOutcome.Refused) outcome).message());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new TextReport().write(linted.result(), new PrintStream(out, true, StandardCharsets.UTF_8));
        String report = out.toString(StandardCharsets.UTF_8).strip();
        if (linted.status() == ExitStatus.INPUT_ERROR) {
            throw new DeployException(ExitCode.LINT, "policy-lint could not read its input: "
                    + String.join("; ", linted.result().inputErrors()));
        }
        return new Outcome(linted.status() == ExitStatus.FINDINGS, report);
    }
}
