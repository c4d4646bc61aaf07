package dev.agentcore.policylint.rule;

import java.util.Locale;

/** How bad a finding is. Errors fail the run; warnings only with {@code --fail-on warning}; info never. */
public enum Severity {
    ERROR("error", "error", "error", "8.0"),
    WARNING("warning", "warning", "warning", "5.0"),
    INFO("info", "note", "recommendation", "2.0");

    private final String label;
    private final String sarifLevel;
    private final String problemSeverity;
    private final String securitySeverity;

    Severity(String label, String sarifLevel, String problemSeverity, String securitySeverity) {
        this.label = label;
        this.sarifLevel = sarifLevel;
        this.problemSeverity = problemSeverity;
        this.securitySeverity = securitySeverity;
    }

    public String label() {
        return label;
    }

    public String sarifLevel() {
        return sarifLevel;
    }

    /** GitHub code scanning's {@code problem.severity} rule property: error, warning or recommendation. */
    public String problemSeverity() {
        return problemSeverity;
    }

    /** GitHub code scanning's 0.1-10.0 scale (high, medium, low). */
    public String securitySeverity() {
        return securitySeverity;
    }

    /** Whether this is {@code threshold} or more severe (the constants run from most to least severe). */
    public boolean isAtLeast(Severity threshold) {
        return ordinal() <= threshold.ordinal();
    }

    public static Severity parse(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "error" -> ERROR;
            case "warning", "warn" -> WARNING;
            case "info", "note" -> INFO;
            default -> throw new IllegalArgumentException("unknown severity '" + text + "' (use error, warning or info)");
        };
    }
}
