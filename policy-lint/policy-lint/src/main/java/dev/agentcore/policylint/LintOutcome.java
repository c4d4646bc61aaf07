package dev.agentcore.policylint;

import dev.agentcore.policylint.rule.Severity;

/** How a {@link LintRequest} ended: linted, or refused before linting because its configuration or runtimes could not be read. */
public sealed interface LintOutcome {

    ExitStatus status();

    /** The files were linted; {@code failOn} is the lowest severity that fails the lint. */
    record Linted(Linter.Result result, Severity failOn) implements LintOutcome {

        /** Input errors and templates that do not parse come first: a lint that could not see everything is no pass. */
        @Override
        public ExitStatus status() {
            if (!result.inputErrors().isEmpty() || result.hasParseErrors()) {
                return ExitStatus.INPUT_ERROR;
            }
            for (dev.agentcore.policylint.rule.Finding f : result.findings()) { // a loop: no lambda to spin at the end of a run
                if (f.severity().isAtLeast(failOn)) {
                    return ExitStatus.FINDINGS;
                }
            }
            return ExitStatus.OK;
        }
    }

    /** Nothing was linted; the message names the file (and line) at fault. */
    record Refused(String message) implements LintOutcome {

        @Override
        public ExitStatus status() {
            return ExitStatus.INPUT_ERROR;
        }
    }
}
