package dev.agentcore.policylint.rule;

import java.util.HashSet;
import java.util.Set;

import dev.agentcore.policylint.source.ListNode;
import dev.agentcore.policylint.source.MapNode;
import dev.agentcore.policylint.source.Node;
import dev.agentcore.policylint.source.Region;
import dev.agentcore.policylint.source.ScalarNode;
import dev.agentcore.policylint.template.Template;

/**
 * {@code ${...}} left in a plain string, outside {@code Fn::Sub}: CloudFormation passes it on literally. Flagged when it
 * names a pseudo parameter, a parameter or a resource, or, inside a policy, anything that is no IAM policy variable
 * (those always have a colon: {@code ${aws:username}}).
 */
public final class UnsubstitutedVariable implements Rule {

    public static final RuleInfo INFO = new RuleInfo("PL150", "unsubstituted-variable",
            "${...} in a plain string outside Fn::Sub: CloudFormation leaves it as is.", Severity.ERROR);

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(TemplateContext ctx, Findings findings) {
        Template t = ctx.template();
        if (t.kind() == Template.Kind.POLICY) {
            walk(t, t.root(), true, Set.of(), null, findings, 0);
            return;
        }
        for (Template.Resource r : t.resources().values()) {
            if (r.properties() instanceof MapNode props && props.get("DefinitionSubstitutions") instanceof MapNode subs) {
                // Step Functions substitute ${Name} in the state machine definition from DefinitionSubstitutions.
                Set<String> names = new HashSet<>();
                subs.entries().forEach(e -> names.add(e.key().value()));
                for (MapNode.Entry e : props.entries()) {
                    boolean definition = e.key().value().equals("Definition") || e.key().value().equals("DefinitionString");
                    walk(t, e.value(), false, definition ? names : Set.of(), r.logicalId(), findings, 1);
                }
            } else if (r.properties() != null) {
                walk(t, r.properties(), false, Set.of(), r.logicalId(), findings, 0);
            }
        }
        if (t.root().get("Outputs") instanceof MapNode outputs) {
            walk(t, outputs, false, Set.of(), null, findings, 0);
        }
    }

    private void walk(Template t, Node node, boolean inPolicy, Set<String> substituted, String owner, Findings findings,
            int depth) {
        if (depth > 200) {
            return;
        }
        // instanceof, not a switch on types (see Lint.loadConfig)
        if (node instanceof ScalarNode s && s.isString()) {
            check(t, s, inPolicy, substituted, owner, findings);
        } else if (node instanceof ListNode l) {
            for (Node i : l.items()) {
                walk(t, i, inPolicy, substituted, owner, findings, depth + 1);
            }
        } else if (node instanceof MapNode m) {
            if (m.entries().size() == 1 && m.entries().getFirst().key().value().equals("Fn::Sub")) {
                // The Sub string itself is substituted; its variable map is not.
                if (m.entries().getFirst().value() instanceof ListNode l) {
                    for (Node i : l.items().subList(Math.min(1, l.items().size()), l.items().size())) {
                        walk(t, i, inPolicy, substituted, owner, findings, depth + 1);
                    }
                }
                return;
            }
            boolean policy = inPolicy || m.has("Statement");
            for (MapNode.Entry e : m.entries()) {
                walk(t, e.value(), policy, substituted, owner, findings, depth + 1);
            }
        }
    }

    private void check(Template t, ScalarNode s, boolean inPolicy, Set<String> substituted, String owner,
            Findings findings) {
        String v = s.value();
        int at = 0;
        while ((at = v.indexOf("${", at)) >= 0) {
            int close = v.indexOf('}', at + 2);
            if (close < 0) {
                return;
            }
            String name = v.substring(at + 2, close);
            String why = substituted.contains(name) ? null : why(t, name, inPolicy);
            if (why != null) {
                Region region = new Region(s.file(), s.positionOf(at), s.positionOf(close + 1));
                findings.add(INFO, region, "'${" + name + "}' " + why,
                        t.kind() == Template.Kind.POLICY
                                ? "write the value itself: plain policy documents are not substituted"
                                : "wrap the string in !Sub (YAML) or {\"Fn::Sub\": ...} (JSON)",
                        owner);
            }
            at = close + 1;
        }
    }

    private static String why(Template t, String name, boolean inPolicy) {
        if (name.startsWith("!")) {
            return null;
        }
        if (name.startsWith("AWS::")) {
            return "is a CloudFormation pseudo parameter, but this string is not in a Fn::Sub, so it stays literal";
        }
        String base = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
        if (t.parameters().containsKey(base)) {
            return "names parameter " + base + ", but this string is not in a Fn::Sub, so it stays literal";
        }
        if (t.resources().containsKey(base)) {
            return "names resource " + base + ", but this string is not in a Fn::Sub, so it stays literal";
        }
        if (inPolicy && !name.contains(":") && !name.equals("*") && !name.equals("?") && !name.equals("$")) {
            return "is neither an IAM policy variable (those look like ${aws:username}) nor substituted";
        }
        return null;
    }
}
