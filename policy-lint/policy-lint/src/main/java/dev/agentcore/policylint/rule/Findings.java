package dev.agentcore.policylint.rule;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.agentcore.policylint.source.Region;

/** Collects findings, dropping exact duplicates (the same value reached through two policies). */
public final class Findings {

    private final Set<Finding> findings = new LinkedHashSet<>();

    public void add(RuleInfo rule, Region region, String message, String fix, String resource) {
        add(rule, rule.severity(), region, message, fix, resource);
    }

    public void add(RuleInfo rule, Severity severity, Region region, String message, String fix, String resource) {
        findings.add(new Finding(rule.id(), severity, region, message, fix, resource));
    }

    /** A finding built by its rule, with what other rules see of the same problem already related. */
    public void add(Finding finding) {
        findings.add(finding);
    }

    public List<Finding> all() {
        return new ArrayList<>(findings);
    }
}
