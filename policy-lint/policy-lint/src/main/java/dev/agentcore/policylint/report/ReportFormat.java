package dev.agentcore.policylint.report;

/** The output formats of a lint report. */
public enum ReportFormat {
    /** {@code path:line:col: severity RULE message} lines and a summary, for people. */
    TEXT,
    /** One object per finding and a summary, for scripts. */
    JSON,
    /** SARIF 2.1.0, for GitHub code scanning. */
    SARIF
}
