package dev.agentcore.policylint.rule;

import java.util.ArrayList;
import java.util.List;
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
        // Without lower-casing a copy: asked for each of the catalog's actions that a wildcard grants.
        return startsWithIgnoreCase(action, "getworkloadaccesstoken") || action.equalsIgnoreCase("getresourceoauth2token")
                || action.equalsIgnoreCase("getresourceapikey") || startsWithIgnoreCase(action, "invokeagentruntime");
    }

    private static boolean startsWithIgnoreCase(String text, String prefix) {
        return text.regionMatches(true, 0, prefix, 0, prefix.length());
    }

    /** True for {@code *} and {@code bedrock-agentcore:*} written as such: what PL160 reports. */
    static boolean isServiceWildcard(Value.Text action) {
        String shape = Texts.shape(action);
        return Texts.isLiteral(action) && (shape.equals("*") || shape.equalsIgnoreCase("bedrock-agentcore:*"));
    }

    private static boolean anyServiceWildcard(List<Value.Text> actions) {
        for (Value.Text a : actions) {
            if (isServiceWildcard(a)) {
                return true;
            }
        }
        return false;
    }

    /** The literal {@code "*"} among the statement's resources, or null. */
    static Value.Text starResource(LocatedStatement s) {
        for (Value.Text r : s.resources()) {
            if (Texts.isLiteral(r) && Texts.shape(r).equals("*")) {
                return r;
            }
        }
        return null;
    }

    /** The sensitive actions that {@code actions} grant. */
    static Set<String> sensitiveActions(TemplateContext ctx, Iterable<Value.Text> actions) {
        Set<String> covered = new TreeSet<>();
        for (Value.Text action : actions) {
            // "*" is every action of every service, AgentCore's among them.
            String name = Texts.isLiteral(action) && Texts.shape(action).equals("*") ? "*" : UnknownAction.agentCoreActionName(action);
            if (name == null) {
                continue;
            }
            for (AgentCoreAction a : ctx.catalog().actionsMatching(name)) {
                if (sensitive(a.name())) {
                    covered.add(a.name());
                }
            }
        }
        return covered;
    }

    /** This rule's view of {@code star} in {@code s}, with the sensitive actions it reaches. */
    static Finding finding(LocatedStatement s, Value.Text star, Set<String> covered) {
        // Say what "*" reaches for the actions at hand: a token action reaches identities, not runtimes.
        List<String> reached = new ArrayList<>();
        List<String> named = new ArrayList<>();
        if (covered.stream().anyMatch(a -> a.toLowerCase(Locale.ROOT).startsWith("getworkloadaccesstoken"))) {
            reached.add("workload identity");
            named.add("the workload identities (.../workload-identity/<runtimeName>-*)");
        }
        if (covered.stream().anyMatch(a -> a.toLowerCase(Locale.ROOT).startsWith("getresource"))) {
            reached.add("credential provider");
            named.add("the credential providers (token-vault/default/oauth2credentialprovider/<name>, apikeycredentialprovider/<name>)"
                    + " and the caller's workload identity");
        }
        if (covered.stream().anyMatch(a -> a.toLowerCase(Locale.ROOT).startsWith("invokeagentruntime"))) {
            reached.add("runtime");
            named.add("the runtimes (runtime/<id>)");
        }
        String every = reached.size() == 1 ? reached.getFirst()
                : String.join(", ", reached.subList(0, reached.size() - 1)) + " and " + reached.getLast();
        return new Finding(INFO.id(), INFO.severity(), Texts.region(star, 0, 1),
                "Resource \"*\" with " + String.join(", ", covered) + " in " + s.label() + " reaches every " + every
                        + " of the account",
                "name " + String.join(", or ", named) + " instead", s.policy().owner());
    }

    @Override
    public void check(TemplateContext ctx, Findings findings) {
        for (LocatedStatement s : ctx.identityAllows()) {
            Value.Text star = starResource(s);
            if (star == null) {
                continue;
            }
            // bedrock-agentcore:* on "*" is one grant, one problem: PL160 reports it with this rule's view related.
            if (anyServiceWildcard(s.actions())) {
                continue;
            }
            Set<String> covered = sensitiveActions(ctx, s.actions());
            if (!covered.isEmpty()) {
                findings.add(finding(s, star, covered));
            }
        }
    }
}
