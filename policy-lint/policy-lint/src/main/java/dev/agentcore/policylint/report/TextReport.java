package dev.agentcore.policylint.report;

import java.io.PrintStream;

import dev.agentcore.policylint.Linter;
import dev.agentcore.policylint.rule.Finding;
import dev.agentcore.policylint.rule.Severity;

/** {@code path:line:col: severity RULE-ID message}, then an indented line with the fix; a summary at the end. */
public final class TextReport implements Report {

    @Override
    public void write(Linter.Result result, PrintStream out) {
        for (Finding f : result.findings()) {
            out.println(f.region().file().displayPath() + ":" + f.region().start().line() + ":" + f.region().start().column()
                    + ": " + f.severity().label() + " " + f.ruleId() + " " + f.message());
            if (f.fix() != null) {
                out.println("    fix: " + f.fix());
            }
            for (Finding.Related r : f.related()) {
                out.println("    also " + r.ruleId() + ": " + r.message());
                if (r.fix() != null && !r.fix().equals(f.fix())) {
                    out.println("    fix: " + r.fix());
                }
            }
        }
        long errors = result.count(Severity.ERROR);
        long warnings = result.count(Severity.WARNING);
        long infos = result.count(Severity.INFO);
        out.println("policy-lint: " + plural(errors, "error") + ", " + plural(warnings, "warning") + ", "
                + plural(infos, "info finding") + " in " + plural(result.filesChecked(), "template") + " checked"
                + (result.inputErrors().isEmpty() ? "" : "; " + plural(result.inputErrors().size(), "input") + " not read"));
    }

    private static String plural(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
