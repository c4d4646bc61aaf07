package dev.agentcore.policylint.rule;

import java.util.Map;

import dev.agentcore.policylint.template.LocatedStatement;
import dev.agentcore.policylint.template.Texts;
import dev.agentcore.policylint.template.Value;

/**
 * A trust policy that lets {@code bedrock-agentcore.amazonaws.com} assume a role without {@code aws:SourceAccount} or
 * {@code aws:SourceArn}: any account's runtime could be pointed at the role (the confused-deputy problem).
 */
public final class TrustConfusedDeputy implements Rule {

    public static final RuleInfo INFO = new RuleInfo("PL131", "trust-confused-deputy",
            "A trust policy for bedrock-agentcore.amazonaws.com has neither an aws:SourceAccount nor an aws:SourceArn condition.",
            Severity.WARNING);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(TemplateContext ctx, Findings findings) {
        for (LocatedStatement s : ctx.trustAllows()) {
            for (Value.Text service : s.principals("Service")) {
                if (!Texts.shape(service).equals(TrustPrincipal.AGENTCORE)) {
                    continue;
                }
                Map<String, ?> keys = s.conditionKeys();
                if (!keys.containsKey("aws:sourceaccount") && !keys.containsKey("aws:sourcearn")) {
                    findings.add(INFO, Texts.region(service, 0, Texts.shape(service).length()),
                            s.policy().owner() + " lets " + TrustPrincipal.AGENTCORE + " assume the role from any account"
                                    + " (no aws:SourceAccount or aws:SourceArn condition)",
                            "add Condition: {StringEquals: {aws:SourceAccount: !Ref AWS::AccountId}, ArnLike: "
                                    + "{aws:SourceArn: !Sub 'arn:${AWS::Partition}:bedrock-agentcore:${AWS::Region}:${AWS::AccountId}:*'}}",
                            s.policy().owner());
                }
            }
        }
    }
}
