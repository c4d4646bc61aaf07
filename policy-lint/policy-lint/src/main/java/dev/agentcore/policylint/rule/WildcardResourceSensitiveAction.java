package dev.agentcore.policylint.rule;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import dev.agentcore.core.iam.AgentCoreAction;
import dev.agentcore.policylint.template.LocatedStatement;
import dev.agentcore.policylint.template.Texts;
import dev.agentcore.policylint.template.Value;

/** {@code Resource: "*"} on the token and invoke actions: tokens for every workload identity, calls to every runtime. */
public final class WildcardResourceSensitiveAction implements Rule {

    public static final RuleInfo INFO = new RuleInfo("PL161", "wildcard-resource-sensitive-action",
            "Resource \"*\" on workload-token, credential or invoke actions: every identity or runtime of the account.",
            Severity.WARNING);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    static boolean sensitive(String action) {
        String a = action.toLowerCase(Locale.ROOT);
        return a.startsWith("getworkloadaccesstoken") || a.equals("getresourceoauth2token") || a.equals("getresourceapikey")
                || a.startsWith("invokeagentruntime");
    }

    @Override
    public void check(TemplateContext ctx, Findings findings) {
        for (LocatedStatement s : ctx.identityAllows()) {
            Value.Text star = s.resources().stream()
                    .filter(r -> Texts.isLiteral(r) && Texts.shape(r).equals("*")).findFirst().orElse(null);
            if (star == null) {
                continue;
            }
            Set<String> covered = new TreeSet<>();
            for (Value.Text action : s.actions()) {
                String name = UnknownAction.agentCoreActionName(action);
                if (name == null) {
                    continue;
                }
                for (AgentCoreAction a : ctx.catalog().actionsMatching(name)) {
                    if (sensitive(a.name())) {
                        covered.add(a.name());
                    }
                }
            }
            if (!covered.isEmpty()) {
                findings.add(INFO, Texts.region(star, 0, 1),
                        "Resource \"*\" with " + String.join(", ", covered) + " in " + s.label()
                                + " reaches every workload identity and runtime of the account",
                        "name the workload identities (.../workload-identity/<runtimeName>-*) or runtimes (runtime/<id>) instead",
                        s.policy().owner());
            }
        }
    }
}
