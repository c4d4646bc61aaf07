package dev.agentcore.policylint.rule;

import dev.agentcore.policylint.source.Region;

/**
 * One problem: the rule, how severe, exactly where the offending value is written, what is wrong and how to fix it.
 * {@code resource} is the logical id of the template resource the problem belongs to (for Metadata suppressions).
 */
public record Finding(String ruleId, Severity severity, Region region, String message, String fix, String resource) {

    public Finding withSeverity(Severity s) {
        return new Finding(ruleId, s, region, message, fix, resource);
    }
}
