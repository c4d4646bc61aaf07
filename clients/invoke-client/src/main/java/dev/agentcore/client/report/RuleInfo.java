package dev.agentcore.client.report;

import java.util.Locale;

/**
 * What a diagnosis rule is, as data: its id, its title, why it happens, which failures it looks at, and whether it
 * ends the search when it applies. The rule tables of docs/clients/diagnoses.md are generated from these.
 *
 * @param applies    which failures the rule looks at, for the table: "401, 403", "no response", "invalid_client"
 * @param conclusive when it applies, the rules ranked after it are not tried: it explains the failure by itself
 */
public record RuleInfo(String id, String title, String summary, String applies, boolean conclusive) {

    public RuleInfo {
        RuleArea.of(id);
        if (title == null || title.isBlank() || summary == null || summary.isBlank()) {
            throw new IllegalArgumentException(id + " needs a title and a summary");
        }
        if (applies == null || applies.isBlank()) {
            throw new IllegalArgumentException(id + " needs to say which failures it looks at");
        }
    }

    public RuleArea area() {
        return RuleArea.of(id);
    }

    /** The rule's section of the generated page, for links. */
    public String docPath() {
        return "docs/clients/diagnoses.md#" + id.toLowerCase(Locale.ROOT);
    }
}
