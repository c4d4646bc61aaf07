package dev.agentcore.policylint.rule;

import java.util.List;

import dev.agentcore.core.iam.ActionPattern;
import dev.agentcore.policylint.runtime.AgentRuntime;
import dev.agentcore.policylint.template.LocatedPolicy;
import dev.agentcore.policylint.template.LocatedStatement;
import dev.agentcore.policylint.template.Roles;
import dev.agentcore.policylint.template.Texts;
import dev.agentcore.policylint.template.Value;

/**
 * The trust policy of a role used by an AgentCore runtime must let {@code bedrock-agentcore.amazonaws.com} assume it.
 * {@code bedrock.amazonaws.com} is a different service (Bedrock Agents, model jobs), a frequent mix-up.
 */
public final class TrustPrincipal implements Rule {

    public static final RuleInfo INFO = new RuleInfo("PL130", "trust-principal",
            "A role used by an AgentCore runtime is not trusted for bedrock-agentcore.amazonaws.com (bedrock.amazonaws.com is another service).",
            Severity.ERROR);

    static final String AGENTCORE = "bedrock-agentcore.amazonaws.com";
    static final String BEDROCK = "bedrock.amazonaws.com";

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(TemplateContext ctx, Findings findings) {
        for (Roles.Role role : ctx.roles()) {
            String usedBy = usedBy(ctx, role);
            if (usedBy == null || role.trust().isEmpty()) {
                continue;
            }
            boolean trusted = false;
            boolean undecidable = false;
            Value.Text bedrock = null;
            for (LocatedStatement s : LocatedPolicy.statementsOf(role.trust())) {
                if (!s.isAllow()) {
                    continue;
                }
                for (Value.Text service : s.principals("Service")) {
                    String shape = Texts.shape(service);
                    if (!Texts.isLiteral(service)) {
                        undecidable = true;
                    } else if (shape.equals(AGENTCORE)) {
                        trusted = true;
                    } else if (shape.equals(BEDROCK)) {
                        bedrock = service;
                    }
                }
            }
            if (trusted || undecidable) {
                continue;
            }
            if (bedrock != null) {
                findings.add(INFO, Texts.region(bedrock, 0, Texts.shape(bedrock).length()),
                        "role " + role.resource().logicalId() + " is used by " + usedBy + " but trusts " + BEDROCK
                                + ", the principal of Amazon Bedrock (Agents, model jobs); AgentCore Runtime assumes"
                                + " execution roles as " + AGENTCORE + ", so the runtime cannot use this role",
                        "Principal: {Service: " + AGENTCORE + "}", role.resource().logicalId());
            } else {
                findings.add(INFO, role.resource().key().region(),
                        "role " + role.resource().logicalId() + " is used by " + usedBy
                                + " but its trust policy does not let " + AGENTCORE + " assume it",
                        "add a statement: Effect Allow, Principal {Service: " + AGENTCORE + "}, Action sts:AssumeRole",
                        role.resource().logicalId());
            }
        }
    }

    /** Which runtime uses the role, or null when none seems to. */
    static String usedBy(TemplateContext ctx, Roles.Role role) {
        if (!role.runtimes().isEmpty()) {
            return "runtime " + role.runtimes().getFirst().logicalId();
        }
        for (AgentRuntime r : ctx.runtimes().runtimes()) {
            if (MissingWorkloadTokenGrant.runsAs(r, role)) {
                return "runtime " + r.id();
            }
        }
        // Only an AgentCore execution role needs workload access tokens: its intent is clear.
        for (LocatedStatement s : LocatedPolicy.statementsOf(role.permissions())) {
            if (s.isAllow() && grantsWorkloadTokens(s.actions())) {
                return "AgentCore Runtime (it is granted bedrock-agentcore:GetWorkloadAccessToken*)";
            }
        }
        return null;
    }

    private static boolean grantsWorkloadTokens(List<Value.Text> actions) {
        for (Value.Text a : actions) {
            String shape = Texts.shape(a);
            if (Texts.isLiteral(a) && shape.toLowerCase(java.util.Locale.ROOT).startsWith("bedrock-agentcore:getworkload")
                    && ActionPattern.of(shape).matches("bedrock-agentcore:GetWorkloadAccessTokenForJWT")) {
                return true;
            }
        }
        return false;
    }
}
