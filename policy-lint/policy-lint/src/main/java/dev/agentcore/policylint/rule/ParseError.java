package dev.agentcore.policylint.rule;

/** A template or policy that cannot be read: its findings come from the reader, not from a check. */
public final class ParseError implements Rule {

    public static final RuleInfo INFO = new RuleInfo("PL001", "parse-error",
            "A template or policy file cannot be parsed (syntax, alias bomb, nesting, size).", Severity.ERROR);

    @Override
    public RuleInfo info() {
        return INFO;
    }
}
