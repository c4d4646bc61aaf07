package dev.agentcore.client.report;

import java.util.ArrayList;
import java.util.List;

/**
 * The rules that explain one kind of failure, over the same context, in rank order: each one that applies adds its
 * cause, a conclusive one ends the search, and a fallback is tried only when nothing above it applied.
 *
 * @param name    the heading of the family on docs/clients/diagnoses.md
 * @param context what the rules look at, for that page
 */
public record RuleFamily<C>(String name, String context, List<CauseRule<C>> rules) {

    public RuleFamily {
        rules = List.copyOf(rules);
    }

    /** The causes of every rule that applies, in rank order. */
    public List<LikelyCause> causes(C failure) {
        List<LikelyCause> causes = new ArrayList<>();
        for (CauseRule<C> rule : rules) {
            if ((rule.fallback() && !causes.isEmpty()) || !rule.appliesTo(failure)) {
                continue;
            }
            causes.add(rule.explain(failure));
            if (rule.info().conclusive()) {
                break;
            }
        }
        return causes;
    }

    public List<RuleInfo> infos() {
        return rules.stream().map(CauseRule::info).toList();
    }
}
