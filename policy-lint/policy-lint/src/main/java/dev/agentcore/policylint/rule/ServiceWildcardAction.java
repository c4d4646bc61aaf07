package dev.agentcore.policylint.rule;

import dev.agentcore.policylint.template.LocatedStatement;
import dev.agentcore.policylint.template.Texts;
import dev.agentcore.policylint.template.Value;

/** {@code bedrock-agentcore:*} (or {@code *}) in an Allow: every current and future AgentCore action. */
public final class ServiceWildcardAction implements Rule {

    public static final RuleInfo INFO = new RuleInfo("PL160", "service-wildcard-action",
            "An Allow grants bedrock-agentcore:* (or *): every AgentCore action, including future ones.", Severity.WARNING);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(TemplateContext ctx, Findings findings) {
        for (LocatedStatement s : ctx.permissionAllows()) {
            for (Value.Text action : s.actions()) {
                String shape = Texts.shape(action);
                if (Texts.isLiteral(action) && (shape.equals("*") || shape.equalsIgnoreCase("bedrock-agentcore:*"))) {
                    findings.add(INFO, Texts.region(action, 0, shape.length()),
                            "'" + shape + "' in " + s.label() + " allows every AgentCore action, including ones added later",
                            "list the actions the role needs, for example bedrock-agentcore:InvokeAgentRuntime",
                            s.policy().owner());
                }
            }
        }
    }
}
