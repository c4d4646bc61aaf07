package dev.agentcore.policylint.template;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.agentcore.core.iam.Effect;
import dev.agentcore.core.iam.Principal;
import dev.agentcore.core.iam.Statement;
import dev.agentcore.policylint.template.Value.MapValue;
import dev.agentcore.policylint.template.Value.Text;

/** One statement of a {@link LocatedPolicy}: every element as resolved strings that know where they were written. */
public record LocatedStatement(LocatedPolicy policy, MapValue node, int index) {

    public Effect effect() {
        List<Text> e = texts("Effect");
        if (e.isEmpty()) {
            return null;
        }
        String s = Texts.shape(e.getFirst());
        return s.equalsIgnoreCase("Allow") ? Effect.Allow : s.equalsIgnoreCase("Deny") ? Effect.Deny : null;
    }

    public boolean isAllow() {
        return effect() == Effect.Allow;
    }

    public List<Text> actions() {
        return texts("Action");
    }

    public List<Text> notActions() {
        return texts("NotAction");
    }

    public List<Text> resources() {
        return texts("Resource");
    }

    public List<Text> notResources() {
        return texts("NotResource");
    }

    public Value principal() {
        return node.get("Principal");
    }

    public Value condition() {
        return node.get("Condition");
    }

    public String sid() {
        List<Text> sid = texts("Sid");
        return sid.isEmpty() ? null : Texts.display(sid.getFirst());
    }

    /** How to name this statement in a message. */
    public String label() {
        String sid = sid();
        return "statement " + (sid != null ? "'" + sid + "'" : "#" + (index + 1)) + " of " + policy.name();
    }

    /** The strings of an element, single value or list, each branch of an undecided Fn::If included. */
    public List<Text> texts(String key) {
        Value v = node.get(key);
        List<Text> out = new ArrayList<>();
        if (v != null) {
            for (Value item : v.items()) {
                if (item instanceof Text t) {
                    out.add(t);
                }
            }
        }
        return out;
    }

    /** Principal values of one kind ({@code Service}, {@code AWS}, ...), or "*" for everyone. */
    public List<Text> principals(String kind) {
        List<Text> out = new ArrayList<>();
        Value p = principal();
        if (p == null) {
            return out;
        }
        for (Value alt : p.alternatives()) {
            if (alt instanceof MapValue m && m.get(kind) != null) {
                for (Value item : m.get(kind).items()) {
                    if (item instanceof Text t) {
                        out.add(t);
                    }
                }
            }
        }
        return out;
    }

    /** The condition keys used under any operator, with their values. */
    public Map<String, List<Text>> conditionKeys() {
        Map<String, List<Text>> out = new LinkedHashMap<>();
        Value c = condition();
        if (c == null) {
            return out;
        }
        for (Value alt : c.alternatives()) {
            if (alt instanceof MapValue ops) {
                for (MapValue.Entry op : ops.entries()) {
                    for (Value keys : op.value().alternatives()) {
                        if (keys instanceof MapValue km) {
                            for (MapValue.Entry k : km.entries()) {
                                List<Text> values = out.computeIfAbsent(k.key().toLowerCase(java.util.Locale.ROOT),
                                        x -> new ArrayList<>());
                                values.addAll(textsOf(k.value()));
                            }
                        }
                    }
                }
            }
        }
        return out;
    }

    public Statement toStatement() {
        return new Statement(sid(), effect(), principal(principal()), principal(node.get("NotPrincipal")),
                patterns(actions()), patterns(notActions()), patterns(resources()), patterns(notResources()),
                conditionPatterns());
    }

    private static List<String> patterns(List<Text> texts) {
        List<String> out = new ArrayList<>(texts.size());
        for (Text t : texts) {
            out.add(Texts.pattern(t));
        }
        return List.copyOf(out);
    }

    /** The strings among a value's items (loops, not streams: this runs for every statement of every file). */
    private static List<Text> textsOf(Value v) {
        List<Text> out = new ArrayList<>();
        for (Value item : v.items()) {
            if (item instanceof Text t) {
                out.add(t);
            }
        }
        return out;
    }

    private static Principal principal(Value v) {
        if (v == null) {
            return null;
        }
        Map<String, List<String>> byKind = new LinkedHashMap<>();
        for (Value alt : v.alternatives()) {
            if (alt instanceof Text t && Texts.shape(t).equals("*")) {
                return Principal.anyone();
            }
            if (alt instanceof MapValue m) {
                for (MapValue.Entry e : m.entries()) {
                    byKind.computeIfAbsent(e.key(), k -> new ArrayList<>()).addAll(patterns(textsOf(e.value())));
                }
            }
        }
        return Principal.of(byKind);
    }

    private Map<String, Map<String, List<String>>> conditionPatterns() {
        Map<String, Map<String, List<String>>> out = new LinkedHashMap<>();
        Value c = condition();
        if (c == null) {
            return out;
        }
        for (Value alt : c.alternatives()) {
            if (alt instanceof MapValue ops) {
                for (MapValue.Entry op : ops.entries()) {
                    Map<String, List<String>> keys = out.computeIfAbsent(op.key(), k -> new LinkedHashMap<>());
                    for (Value km : op.value().alternatives()) {
                        if (km instanceof MapValue m) {
                            for (MapValue.Entry k : m.entries()) {
                                keys.put(k.key(), patterns(textsOf(k.value())));
                            }
                        }
                    }
                }
            }
        }
        return out;
    }
}
