package dev.agentcore.policylint.rule;

/** A {@code policy-lint: ignore} without {@code -- reason}: suppressions must say why. */
public final class SuppressionWithoutReason implements Rule {

    public static final RuleInfo INFO = new RuleInfo("PL900", "suppression-without-reason",
            "A suppression (comment, Metadata or config) gives no reason.", Severity.WARNING);

    @Override
    public RuleInfo info() {
        return INFO;
    }
}
