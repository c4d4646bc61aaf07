package dev.agentcore.infra.cfnlint;

import java.nio.file.Path;

/**
 * One cfn-lint match: the rule, its level, the message, and where it points (1-based line and column).
 * {@code file} is null for findings about the run itself (cfn-lint's E0003 configuration errors).
 */
public record CfnLintFinding(String ruleId, Level level, String message, Path file, int line, int column) {

    /** cfn-lint's three levels; the first letter of a rule id says which. */
    public enum Level { ERROR, WARNING, INFORMATIONAL }

    /** The way cfn-lint prints it, so a failing test reads like the tool's own output. */
    @Override
    public String toString() {
        return "%s:%d:%d: %s %s %s".formatted(file, line, column, level.name().toLowerCase(), ruleId, message);
    }
}
