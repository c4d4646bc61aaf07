package dev.agentcore.policylint.report;

import java.io.PrintStream;

import dev.agentcore.policylint.Linter;
import dev.agentcore.policylint.rule.Finding;
import dev.agentcore.policylint.rule.Severity;

/** {@code path:line:col: severity RULE-ID message}, then an indented line with the fix; a summary at the end. */
public final class TextReport implements Report {

    @Override
    public void write(Linter.Result result, PrintStream out) {
        // One print of the whole report: a println per line encodes and flushes each line on its own.
        String nl = System.lineSeparator();
        StringBuilder text = new StringBuilder();
        for (Finding f : result.findings()) {
            text.append(f.region().file().displayPath()).append(':').append(f.region().start().line()).append(':')
                    .append(f.region().start().column()).append(": ").append(f.severity().label()).append(' ').append(f.ruleId())
                    .append(' ').append(f.message()).append(nl);
            if (f.fix() != null) {
                text.append("    fix: ").append(f.fix()).append(nl);
            }
            for (Finding.Related r : f.related()) {
                text.append("    also ").append(r.ruleId()).append(": ").append(r.message()).append(nl);
                if (r.fix() != null && !r.fix().equals(f.fix())) {
                    text.append("    fix: ").append(r.fix()).append(nl);
                }
            }
        }
        long errors = result.count(Severity.ERROR);
        long warnings = result.count(Severity.WARNING);
        long infos = result.count(Severity.INFO);
        text.append("policy-lint: ").append(plural(errors, "error")).append(", ").append(plural(warnings, "warning")).append(", ")
                .append(plural(infos, "info finding")).append(" in ").append(plural(result.filesChecked(), "template"))
                .append(" checked")
                .append(result.inputErrors().isEmpty() ? "" : "; " + plural(result.inputErrors().size(), "input") + " not read")
                .append(nl);
        // As bytes in the stream's charset, as print would encode them, without its char-by-char path through a writer.
        out.writeBytes(text.toString().getBytes(out.charset()));
    }

    private static String plural(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
