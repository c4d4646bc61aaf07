package dev.agentcore.policylint.rule;

import java.util.List;

import dev.agentcore.policylint.template.LocatedStatement;
import dev.agentcore.policylint.template.Template;
import dev.agentcore.policylint.template.Texts;
import dev.agentcore.policylint.template.Value;

/**
 * {@code bedrock-agentcore:*} (or {@code *}) in an Allow, or an Allow with a NotAction that does not exclude the
 * service: every current and future AgentCore action.
 */
public final class ServiceWildcardAction implements Rule {

    public static final RuleInfo INFO = new RuleInfo("PL160", "service-wildcard-action",
            "An Allow grants bedrock-agentcore:* (or *, or a NotAction that leaves it in, or an AWS managed policy that does): every AgentCore action, including future ones.", Severity.WARNING);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(TemplateContext ctx, Findings findings) {
        for (LocatedStatement s : ctx.identityAllows()) {
            for (Value.Text action : s.actions()) {
                if (WildcardResourceSensitiveAction.isServiceWildcard(action)) {
                    String shape = Texts.shape(action);
                    Finding wildcard = new Finding(INFO.id(), INFO.severity(), Texts.region(action, 0, shape.length()),
                            "'" + shape + "' in " + s.label() + " allows every AgentCore action, including ones added later",
                            "list the actions the role needs, for example bedrock-agentcore:InvokeAgentRuntime",
                            s.policy().owner());
                    // On Resource "*" the same grant reaches every identity and runtime: one problem, PL161 related.
                    Value.Text star = WildcardResourceSensitiveAction.starResource(s);
                    java.util.Set<String> sensitive = star == null ? java.util.Set.of()
                            : WildcardResourceSensitiveAction.sensitiveActions(ctx, List.of(action));
                    if (!sensitive.isEmpty()) {
                        Finding everywhere = WildcardResourceSensitiveAction.finding(s, star, sensitive);
                        wildcard = wildcard.withRelated(List.of(new Finding.Related(everywhere.ruleId(), everywhere.region(),
                                everywhere.message(), everywhere.fix())));
                    }
                    findings.add(wildcard);
                }
            }
            notActionGrantsTheService(s, findings);
        }
        attachedAwsManagedPolicies(ctx, findings);
    }

    /** An AWS managed policy in ManagedPolicyArns grants what its document says, just as the same grant inline. */
    private static void attachedAwsManagedPolicies(TemplateContext ctx, Findings findings) {
        for (Template.Resource r : ctx.template().resources().values()) {
            if (!r.type().startsWith("AWS::IAM::") || !(ctx.template().properties(r) instanceof Value.MapValue props)
                    || props.get("ManagedPolicyArns") == null) {
                continue;
            }
            for (Value arn : props.get("ManagedPolicyArns").items()) {
                if (!(arn instanceof Value.Text text)) {
                    continue;
                }
                String shape = Texts.shape(text);
                AwsManagedPolicy.of(Texts.pattern(text)).ifPresent(policy -> findings.add(INFO, Texts.region(text, 0, shape.length()),
                        "AWS managed policy " + policy.policyName() + " attached to " + r.logicalId() + " grants "
                                + policy.grants() + ", including actions added later",
                        "attach a policy of your own with only the actions and resources " + r.logicalId() + " needs",
                        r.logicalId()));
            }
        }
    }

    /** Allow with NotAction grants every action it does not list: all of AgentCore unless it lists the service. */
    private static void notActionGrantsTheService(LocatedStatement s, Findings findings) {
        List<Value.Text> notActions = s.notActions();
        if (notActions.isEmpty()) {
            return;
        }
        boolean excludesTheService = false;
        for (Value.Text t : notActions) {
            if (!Texts.isLiteral(t)) {
                return;
            }
            String a = Texts.shape(t);
            excludesTheService |= a.equals("*") || a.equalsIgnoreCase("bedrock-agentcore:*");
        }
        if (!excludesTheService) {
            Value.Text first = notActions.getFirst();
            findings.add(INFO, Texts.region(first, 0, Texts.shape(first).length()),
                    "Allow with NotAction in " + s.label() + " allows every action it does not list, so every AgentCore "
                            + "action, including ones added later",
                    "list the actions the role needs under Action, or add bedrock-agentcore:* to NotAction",
                    s.policy().owner());
        }
    }
}
