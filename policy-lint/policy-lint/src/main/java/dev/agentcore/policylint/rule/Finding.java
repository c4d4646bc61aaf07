package dev.agentcore.policylint.rule;

import java.util.List;

import dev.agentcore.policylint.source.Region;

/**
 * One problem: the rule, how severe, exactly where the offending value is written, what is wrong and how to fix it.
 * {@code resource} is the logical id of the template resource the problem belongs to (for Metadata suppressions).
 * {@code related} are what other rules said of the same characters: one problem, one finding (see {@link SameProblem}).
 */
public record Finding(String ruleId, Severity severity, Region region, String message, String fix, String resource,
        List<Related> related) {

    /** Another rule's view of the same problem. */
    public record Related(String ruleId, Region region, String message, String fix) {
    }

    public Finding {
        related = List.copyOf(related);
    }

    public Finding(String ruleId, Severity severity, Region region, String message, String fix, String resource) {
        this(ruleId, severity, region, message, fix, resource, List.of());
    }

    public Finding withSeverity(Severity s) {
        return new Finding(ruleId, s, region, message, fix, resource, related);
    }

    public Finding withRelated(List<Related> more) {
        return new Finding(ruleId, severity, region, message, fix, resource,
                java.util.stream.Stream.concat(related.stream(), more.stream()).toList());
    }
}
