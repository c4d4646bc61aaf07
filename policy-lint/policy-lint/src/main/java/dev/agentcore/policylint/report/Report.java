package dev.agentcore.policylint.report;

import java.io.PrintStream;
import java.nio.file.Path;

import dev.agentcore.policylint.Linter;

/** Writes a lint result in one output format. */
public interface Report {

    void write(Linter.Result result, PrintStream out);

    static Report of(String format, Path repositoryRoot) {
        return switch (format) {
            case "text" -> new TextReport();
            case "json" -> new JsonReport();
            case "sarif" -> new SarifReport(repositoryRoot);
            default -> throw new IllegalArgumentException("unknown format '" + format + "' (use text, json or sarif)");
        };
    }
}
