package dev.agentcore.policylint.template;

import java.util.ArrayList;
import java.util.List;

import dev.agentcore.policylint.template.Value.ListValue;
import dev.agentcore.policylint.template.Value.MapValue;

/**
 * Finds the policy documents of a template: any mapping with a {@code Statement} under a resource's properties
 * (IAM roles, managed and inline policies, SAM function policies, bucket and key policies, ...), or the whole file
 * when it is a plain policy document.
 */
public final class Policies {

    private Policies() {
    }

    public static List<LocatedPolicy> of(Template template) {
        List<LocatedPolicy> out = new ArrayList<>();
        if (template.kind() == Template.Kind.POLICY) {
            if (template.resolvedRoot() instanceof MapValue root) {
                if (root.get("Statement") != null) {
                    out.add(plain(template, root, null));
                } else {
                    // Policies by name: each value that is a policy document, its name in the location label.
                    for (MapValue.Entry e : root.entries()) {
                        if (e.value() instanceof MapValue m && m.get("Statement") != null) {
                            out.add(plain(template, m, e.key()));
                        }
                    }
                }
            }
            return out;
        }
        for (Template.Resource r : template.resources().values()) {
            if (r.properties() == null) {
                continue;
            }
            Value props = template.properties(r);
            walk(template, r, props, "Properties", out, 0);
        }
        return out;
    }

    /** A policy document of its own (not in a template): a trust, resource or identity policy by what it holds. */
    private static LocatedPolicy plain(Template template, MapValue m, String documentName) {
        boolean hasPrincipal = false;
        for (Value s : m.get("Statement").items()) {
            hasPrincipal |= s instanceof MapValue sm && sm.get("Principal") != null;
        }
        LocatedPolicy.Kind kind = !hasPrincipal ? LocatedPolicy.Kind.IDENTITY
                : onlyStsActions(m) ? LocatedPolicy.Kind.TRUST : LocatedPolicy.Kind.RESOURCE;
        String file = template.file().displayPath();
        return new LocatedPolicy(template, null, kind, m, documentName == null ? "policy " + file
                : "policy " + documentName + " in " + file, documentName);
    }

    /**
     * True when every action of the policy is an STS one ({@code sts:AssumeRole}, {@code sts:TagSession}): a trust
     * policy kept in its own file, as for {@code aws iam create-role --assume-role-policy-document file://...}.
     */
    private static boolean onlyStsActions(MapValue policy) {
        boolean any = false;
        for (Value statement : policy.get("Statement").items()) {
            if (!(statement instanceof MapValue sm) || sm.get("Action") == null) {
                return false;
            }
            for (Value action : sm.get("Action").items()) {
                if (!(action instanceof Value.Text t)
                        || !Texts.shape(t).toLowerCase(java.util.Locale.ROOT).startsWith("sts:")) {
                    return false;
                }
                any = true;
            }
        }
        return any;
    }

    private static boolean hasMap(List<Value> items) {
        for (Value item : items) {
            if (item instanceof MapValue) {
                return true;
            }
        }
        return false;
    }

    private static void walk(Template t, Template.Resource r, Value v, String path, List<LocatedPolicy> out, int depth) {
        if (depth > 32) {
            return;
        }
        for (Value alt : v.alternatives()) {
            if (alt instanceof MapValue m) {
                if (m.get("Statement") != null && (m.get("Statement") instanceof MapValue || hasMap(m.get("Statement").items()))) {
                    out.add(new LocatedPolicy(t, r, LocatedPolicy.Kind.of(r.type(), path), m, name(r, path, m), null));
                    continue;
                }
                for (MapValue.Entry e : m.entries()) {
                    walk(t, r, e.value(), path + "." + e.key(), out, depth + 1);
                }
            } else if (alt instanceof ListValue l) {
                for (int i = 0; i < l.items().size(); i++) {
                    walk(t, r, l.items().get(i), path + "[" + i + "]", out, depth + 1);
                }
            }
        }
    }

    /** For example {@code AgentRole Policies[3].PolicyDocument}. */
    private static String name(Template.Resource r, String path, MapValue doc) {
        String rest = path.startsWith("Properties.") ? path.substring("Properties.".length()) : path;
        return r.logicalId() + " " + rest;
    }
}
