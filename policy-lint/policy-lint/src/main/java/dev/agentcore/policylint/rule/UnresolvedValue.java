package dev.agentcore.policylint.rule;

import java.util.List;

import dev.agentcore.policylint.template.Resolver;

/**
 * A value the resolver gave up on at one of its bounds (nesting depth, combinations of undecided {@code Fn::If}
 * branches, {@code Fn::FindInMap} candidates): what it holds is not checked, so it is reported where it is, never left
 * as a silent unknown that could hide a placeholder.
 */
public final class UnresolvedValue implements Rule {

    public static final RuleInfo INFO = new RuleInfo("PL002", "unresolved-value",
            "A value nests intrinsic functions past what policy-lint resolves (depth, Fn::If combinations): it is not checked.",
            Severity.ERROR);

    /** Findings per template: a hostile template could hold thousands of such values; the first ones say enough. */
    static final int MAX_REPORTED = 50;

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(TemplateContext context, Findings findings) {
        List<Resolver.Unresolved> all = context.template().unresolved();
        for (int i = 0; i < Math.min(all.size(), MAX_REPORTED); i++) {
            Resolver.Unresolved u = all.get(i);
            String more = i == MAX_REPORTED - 1 && all.size() > MAX_REPORTED
                    ? " (and " + (all.size() - MAX_REPORTED) + " more such values in this file)" : "";
            findings.add(INFO, u.node().region(), "this value could not be resolved: " + u.why()
                    + "; what it holds is not checked" + more,
                    "flatten the nesting (fewer levels, or conditions decided by parameter defaults), or split the value", null);
        }
    }
}
