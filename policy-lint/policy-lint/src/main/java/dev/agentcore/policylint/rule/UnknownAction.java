package dev.agentcore.policylint.rule;

import java.util.List;
import java.util.Locale;

import dev.agentcore.iam.AgentCoreCatalog;
import dev.agentcore.policylint.template.LocatedPolicy;
import dev.agentcore.policylint.template.LocatedStatement;
import dev.agentcore.policylint.template.Texts;
import dev.agentcore.policylint.template.Value;

/** A {@code bedrock-agentcore:} action that does not exist (a typo), or a wildcard that matches no action. */
public final class UnknownAction implements Rule {

    public static final RuleInfo INFO = new RuleInfo("PL140", "unknown-action",
            "A bedrock-agentcore action that does not exist (or a wildcard that matches none): usually a typo.",
            Severity.ERROR);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(TemplateContext ctx, Findings findings) {
        for (LocatedPolicy p : ctx.policies()) {
            for (LocatedStatement s : p.statements()) {
                check(ctx.catalog(), p, s.actions(), findings);
                check(ctx.catalog(), p, s.notActions(), findings);
            }
        }
    }

    private void check(AgentCoreCatalog catalog, LocatedPolicy p, List<Value.Text> actions, Findings findings) {
        for (Value.Text action : actions) {
            if (!Texts.isLiteral(action)) {
                continue;
            }
            String shape = Texts.shape(action);
            int colon = shape.indexOf(':');
            if (colon < 0 || !shape.substring(0, colon).toLowerCase(Locale.ROOT).equals(AgentCoreCatalog.SERVICE)) {
                continue;
            }
            String name = shape.substring(colon + 1);
            boolean wildcard = name.contains("*") || name.contains("?");
            if (wildcard ? !catalog.actionsMatching(name).isEmpty() : catalog.action(name).isPresent()) {
                continue;
            }
            List<String> closest = catalog.closestActions(name.replace("*", "").replace("?", ""), 3);
            findings.add(INFO, Texts.region(action, colon + 1, shape.length()),
                    wildcard ? "'" + shape + "' matches no bedrock-agentcore action"
                            : "'" + name + "' is not a bedrock-agentcore action",
                    "did you mean " + String.join(", ", closest.stream().map(c -> AgentCoreCatalog.SERVICE + ":" + c).toList())
                            + "?",
                    p.owner());
        }
    }
}
