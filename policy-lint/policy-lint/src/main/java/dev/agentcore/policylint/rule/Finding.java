package dev.agentcore.policylint.rule;

import java.util.List;
import java.util.Objects;

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

        @Override
        public boolean equals(Object o) {
            return o instanceof Related r && Objects.equals(ruleId, r.ruleId) && Objects.equals(region, r.region)
                    && Objects.equals(message, r.message) && Objects.equals(fix, r.fix);
        }

        @Override
        public int hashCode() {
            return Objects.hash(ruleId, region, message, fix);
        }
    }

    // equals, hashCode (and toString) by hand, with the record's meaning: the generated ones bootstrap through
    // java.lang.runtime.ObjectMethods on first use, which the AOT cache does not keep, 10 to 30 ms of a
    // one-template run (findings are deduplicated in hash sets). RecordMethodsTest checks they match.
    @Override
    public boolean equals(Object o) {
        return o instanceof Finding f && Objects.equals(ruleId, f.ruleId) && severity == f.severity
                && Objects.equals(region, f.region) && Objects.equals(message, f.message) && Objects.equals(fix, f.fix)
                && Objects.equals(resource, f.resource) && related.equals(f.related);
    }

    @Override
    public int hashCode() {
        return Objects.hash(ruleId, severity, region, message, fix, resource, related);
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
        List<Related> all = new java.util.ArrayList<>(related);
        all.addAll(more);
        return new Finding(ruleId, severity, region, message, fix, resource, all);
    }
}
