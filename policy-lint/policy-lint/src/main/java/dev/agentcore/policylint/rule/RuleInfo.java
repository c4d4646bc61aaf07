package dev.agentcore.policylint.rule;

/**
 * What a rule is, as data: its id, a short name, a one-line summary, its default severity and its documentation page
 * (repository-relative). The rule list in the docs is generated from these.
 */
public record RuleInfo(String id, String name, String summary, Severity severity) {

    public String docPath() {
        return "docs/policy-lint/rules/" + id + ".md";
    }
}
