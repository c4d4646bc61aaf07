package dev.agentcore.policylint.rule;

/** A suppression that names a rule id policy-lint does not have (a typo suppresses nothing). */
public final class UnknownSuppressedRule implements Rule {

    public static final RuleInfo INFO = new RuleInfo("PL901", "unknown-rule-in-suppression",
            "A suppression names a rule id that does not exist, so it suppresses nothing.", Severity.WARNING);

    @Override
    public RuleInfo info() {
        return INFO;
    }
}
