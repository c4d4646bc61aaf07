package dev.agentcore.policylint.report;

import java.io.PrintStream;
import java.nio.file.Path;

import dev.agentcore.policylint.Linter;

/** Writes a lint result in one output format. */
public interface Report {

    void write(Linter.Result result, PrintStream out);

    /** The report in {@code format} for a lint run from {@code workingDirectory} (SARIF paths are repository-relative). */
    static Report of(ReportFormat format, Path workingDirectory) {
        return switch (format) {
            case TEXT -> new TextReport();
            case JSON -> new JsonReport();
            case SARIF -> new SarifReport(SarifReport.repositoryRoot(workingDirectory));
        };
    }
}
