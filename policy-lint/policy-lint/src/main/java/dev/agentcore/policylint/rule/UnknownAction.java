package dev.agentcore.policylint.rule;

import java.util.List;
import java.util.Locale;

import dev.agentcore.core.iam.AgentCoreCatalog;
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
        for (LocatedStatement s : ctx.statements()) {
            check(ctx.catalog(), s.policy(), s.actions(), findings);
            check(ctx.catalog(), s.policy(), s.notActions(), findings);
        }
    }

    /**
     * The action name after {@code bedrock-agentcore:} (any case) when the action is a literal string of that service,
     * wildcards included; else null.
     */
    static String agentCoreActionName(Value.Text action) {
        if (!Texts.isLiteral(action)) {
            return null;
        }
        String shape = Texts.shape(action);
        int colon = shape.indexOf(':');
        if (colon < 0 || !shape.substring(0, colon).toLowerCase(Locale.ROOT).equals(AgentCoreCatalog.SERVICE)) {
            return null;
        }
        return shape.substring(colon + 1);
    }

    /**
     * {@code bedrock-agentcore-control:CreateAgentRuntime}: the CLI and SDK name the control plane so, but IAM knows one
     * prefix for both planes, and the action grants nothing.
     */
    private static void controlPlanePrefix(LocatedPolicy p, Value.Text action, Findings findings) {
        String shape = Texts.shape(action);
        int colon = shape.indexOf(':');
        if (!Texts.isLiteral(action) || colon < 0
                || !shape.substring(0, colon).equalsIgnoreCase(AgentCoreCatalog.SERVICE + "-control")) {
            return;
        }
        String fixed = AgentCoreCatalog.SERVICE + shape.substring(colon);
        findings.add(INFO, Texts.region(action, 0, colon),
                "'" + shape + "' grants nothing: the control plane (the CLI aws bedrock-agentcore-control) has no IAM"
                        + " prefix of its own, its actions are " + AgentCoreCatalog.SERVICE + ":...",
                "use " + fixed, p.owner());
    }

    private void check(AgentCoreCatalog catalog, LocatedPolicy p, List<Value.Text> actions, Findings findings) {
        for (Value.Text action : actions) {
            String name = agentCoreActionName(action);
            if (name == null) {
                controlPlanePrefix(p, action, findings);
                continue;
            }
            String shape = Texts.shape(action);
            int colon = shape.indexOf(':');
            boolean wildcard = name.contains("*") || name.contains("?");
            if (wildcard ? !catalog.actionsMatching(name).isEmpty() : catalog.action(name).isPresent()) {
                continue;
            }
            StringBuilder closest = new StringBuilder();
            for (String c : catalog.closestActions(name.replace("*", "").replace("?", ""), 3)) {
                closest.append(closest.isEmpty() ? "" : ", ").append(AgentCoreCatalog.SERVICE).append(':').append(c);
            }
            findings.add(INFO, Texts.region(action, colon + 1, shape.length()),
                    wildcard ? "'" + shape + "' matches no bedrock-agentcore action"
                            : "'" + name + "' is not a bedrock-agentcore action",
                    "did you mean " + closest + "?",
                    p.owner());
        }
    }
}
