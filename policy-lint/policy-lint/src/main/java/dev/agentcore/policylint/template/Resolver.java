package dev.agentcore.policylint.template;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.agentcore.policylint.source.ListNode;
import dev.agentcore.policylint.source.MapNode;
import dev.agentcore.policylint.source.Node;
import dev.agentcore.policylint.source.ScalarNode;
import dev.agentcore.policylint.template.Piece.Unknown.Kind;
import dev.agentcore.policylint.template.Value.Choice;
import dev.agentcore.policylint.template.Value.ListValue;
import dev.agentcore.policylint.template.Value.MapValue;
import dev.agentcore.policylint.template.Value.NoValue;
import dev.agentcore.policylint.template.Value.Opaque;
import dev.agentcore.policylint.template.Value.Text;

/**
 * Resolves CloudFormation intrinsic functions as far as a template allows before deployment: {@code Ref} to parameter
 * defaults, {@code Fn::Sub}, {@code Fn::Join}, {@code Fn::Select}, {@code Fn::Split}, {@code Fn::FindInMap},
 * {@code Fn::If} on decidable conditions. Everything else becomes an unknown piece, never an error: odd input gives
 * an unknown, not a crash. Work is bounded (depth and number of alternatives), so nothing here can hang; a value
 * past a bound is recorded in {@link #unresolved()} (PL002 reports it), because what it holds is not checked.
 */
public final class Resolver {

    /** A value given up on at a bound: where, and which bound. */
    public record Unresolved(Node node, String why) {
    }

    /** Alternatives an undecided Fn::If may multiply into before the result counts as unknown. */
    static final int MAX_ALTERNATIVES = 16;
    static final int MAX_DEPTH = 64;

    private static final Set<String> PSEUDO = Set.of("AWS::AccountId", "AWS::Region", "AWS::Partition",
            "AWS::URLSuffix", "AWS::StackName", "AWS::StackId", "AWS::NotificationARNs");

    private final Template template;
    private final Map<String, Boolean> conditionCache = new HashMap<>();
    private final Set<String> evaluating = new HashSet<>();
    private final List<Unresolved> unresolved = new ArrayList<>();
    private int depth;

    Resolver(Template template) {
        this.template = template;
    }

    /** The values given up on so far, in the order met. */
    public List<Unresolved> unresolved() {
        return List.copyOf(unresolved);
    }

    public Value resolve(Node node) {
        if (++depth > MAX_DEPTH) {
            depth--;
            unresolved.add(new Unresolved(node, "intrinsic functions nested deeper than " + MAX_DEPTH + " levels"));
            return new Opaque("too deeply nested", node);
        }
        try {
            // instanceof, not a switch on types (see Lint.loadConfig)
            if (node instanceof ScalarNode s) {
                return s.kind() == ScalarNode.Kind.NULL ? new NoValue(s) : Text.literal(s);
            }
            return node instanceof ListNode l ? list(l) : map((MapNode) node);
        } finally {
            depth--;
        }
    }

    private Value list(ListNode l) {
        List<Value> items = new ArrayList<>(l.items().size());
        for (Node item : l.items()) {
            Value v = resolve(item);
            if (!(v instanceof NoValue)) {
                items.add(v);
            }
        }
        return new ListValue(items, l);
    }

    private Value map(MapNode m) {
        if (m.entries().size() == 1) {
            MapNode.Entry e = m.entries().getFirst();
            String fn = e.key().value();
            if (fn.equals("Ref") || fn.startsWith("Fn::")) {
                return function(fn, e.value(), m);
            }
        }
        List<MapValue.Entry> entries = new ArrayList<>(m.entries().size());
        for (MapNode.Entry e : m.entries()) {
            Value v = resolve(e.value());
            if (!(v instanceof NoValue)) {
                entries.add(new MapValue.Entry(e.key().value(), e.key(), v));
            }
        }
        return new MapValue(entries, m);
    }

    private Value function(String fn, Node arg, MapNode node) {
        return switch (fn) {
            case "Ref" -> arg instanceof ScalarNode s ? ref(s.value(), s, null) : unknown(Kind.FUNCTION, fn, node);
            case "Fn::GetAtt" -> getAtt(arg, node);
            case "Fn::Sub" -> sub(arg, node);
            case "Fn::Join" -> join(arg, node);
            case "Fn::Select" -> select(arg, node);
            case "Fn::Split" -> split(arg, node);
            case "Fn::FindInMap" -> findInMap(arg, node);
            case "Fn::If" -> ifThen(arg, node);
            case "Fn::ImportValue" -> unknown(Kind.IMPORT, importName(arg), node);
            default -> unknown(Kind.FUNCTION, fn, node);
        };
    }

    private static String importName(Node arg) {
        return arg instanceof ScalarNode s ? "ImportValue " + s.value() : "ImportValue";
    }

    private static Text unknown(Kind kind, String target, Node origin) {
        return new Text(List.of(new Piece.Unknown(kind, target, null, origin)), origin);
    }

    /** {@code Ref name}: a pseudo parameter, a parameter (its default when it has one) or a resource. */
    private Value ref(String name, Node origin, String viaSub) {
        if (name.equals("AWS::NoValue")) {
            return new NoValue(origin);
        }
        if (PSEUDO.contains(name) || name.startsWith("AWS::")) {
            return unknown(Kind.PSEUDO_PARAMETER, name, origin);
        }
        Template.Parameter p = template.parameters().get(name);
        if (p != null) {
            if (p.defaultValue() instanceof ScalarNode d && d.kind() != ScalarNode.Kind.NULL) {
                Text text = new Text(List.of(new Piece.Literal(d.value(), d, 0, "parameter " + name)), d);
                return p.isList() && viaSub == null ? splitText(text, ",", d) : text;
            }
            if (p.defaultValue() instanceof ListNode l) {
                return resolve(l);
            }
            return p.isList() && viaSub == null ? new Opaque("parameter " + name, origin)
                    : unknown(Kind.PARAMETER, name, origin);
        }
        if (template.resources().containsKey(name)) {
            return unknown(Kind.RESOURCE_REF, name, origin);
        }
        return unknown(Kind.PARAMETER, name, origin);
    }

    private Value getAtt(Node arg, Node node) {
        String resource = null;
        String attribute = null;
        if (arg instanceof ScalarNode s) {
            int dot = s.value().indexOf('.');
            resource = dot < 0 ? s.value() : s.value().substring(0, dot);
            attribute = dot < 0 ? null : s.value().substring(dot + 1);
        } else if (arg instanceof ListNode l && l.items().size() == 2 && l.items().getFirst() instanceof ScalarNode r) {
            resource = r.value();
            attribute = l.items().get(1) instanceof ScalarNode a ? a.value() : "?";
        }
        if (resource == null) {
            return unknown(Kind.FUNCTION, "Fn::GetAtt", node);
        }
        return new Text(List.of(new Piece.Unknown(Kind.GET_ATT, resource, attribute, node)), node);
    }

    private Value sub(Node arg, Node node) {
        ScalarNode template;
        MapNode variables = null;
        if (arg instanceof ScalarNode s) {
            template = s;
        } else if (arg instanceof ListNode l && !l.items().isEmpty() && l.items().getFirst() instanceof ScalarNode s) {
            template = s;
            if (l.items().size() > 1 && l.items().get(1) instanceof MapNode vars) {
                variables = vars;
            }
        } else {
            return unknown(Kind.FUNCTION, "Fn::Sub", node);
        }
        String text = template.value();
        List<Value> parts = new ArrayList<>();
        int literalStart = 0;
        int i = 0;
        while (i < text.length()) {
            int open = text.indexOf("${", i);
            if (open < 0) {
                break;
            }
            int close = text.indexOf('}', open + 2);
            if (close < 0) {
                break;
            }
            if (open > literalStart) {
                parts.add(piece(template, literalStart, open));
            }
            String name = text.substring(open + 2, close);
            if (name.startsWith("!")) {
                // ${!Literal} writes ${Literal}: keep the characters after '!' with their own positions
                parts.add(new Text(List.of(
                        new Piece.Literal("${", template, open, null),
                        new Piece.Literal(text.substring(open + 3, close + 1), template, open + 3, null)), template));
            } else {
                parts.add(variable(name.trim(), variables, template, open));
            }
            literalStart = close + 1;
            i = close + 1;
        }
        if (literalStart < text.length()) {
            parts.add(piece(template, literalStart, text.length()));
        }
        return concat(parts, node);
    }

    private static Text piece(ScalarNode scalar, int from, int to) {
        return new Text(List.of(new Piece.Literal(scalar.value().substring(from, to), scalar, from, null)), scalar);
    }

    private Value variable(String name, MapNode variables, ScalarNode template, int at) {
        if (variables != null && variables.get(name) != null) {
            return resolve(variables.get(name));
        }
        // Unknown pieces point at the "${" inside the Sub string.
        Node origin = new ScalarNode(template.file(), template.rawOffsetOf(at), "${" + name + "}", ScalarNode.Kind.STRING);
        int dot = name.indexOf('.');
        if (dot > 0 && this.template.resources().containsKey(name.substring(0, dot))) {
            return new Text(List.of(new Piece.Unknown(Kind.GET_ATT, name.substring(0, dot), name.substring(dot + 1),
                    origin)), template);
        }
        return ref(name, origin, name);
    }

    private Value join(Node arg, Node node) {
        if (!(arg instanceof ListNode l) || l.items().size() != 2 || !(l.items().getFirst() instanceof ScalarNode d)) {
            return unknown(Kind.FUNCTION, "Fn::Join", node);
        }
        Value list = resolve(l.items().get(1));
        if (!(list instanceof ListValue items)) {
            return unknown(Kind.FUNCTION, "Fn::Join", node);
        }
        List<Value> parts = new ArrayList<>();
        for (int i = 0; i < items.items().size(); i++) {
            if (i > 0 && !d.value().isEmpty()) {
                parts.add(Text.literal(d));
            }
            parts.add(items.items().get(i));
        }
        return concat(parts, node);
    }

    private Value select(Node arg, Node node) {
        if (!(arg instanceof ListNode l) || l.items().size() != 2) {
            return new Opaque("Fn::Select", node);
        }
        Value index = resolve(l.items().getFirst());
        Value list = resolve(l.items().get(1));
        if (index instanceof Text t && Texts.isLiteral(t) && list instanceof ListValue items) {
            try {
                int i = Integer.parseInt(Texts.shape(t).trim());
                if (i >= 0 && i < items.items().size()) {
                    return items.items().get(i);
                }
            } catch (NumberFormatException e) {
                // not a number: unknown below
            }
        }
        return unknown(Kind.FUNCTION, "Fn::Select", node);
    }

    private Value split(Node arg, Node node) {
        if (!(arg instanceof ListNode l) || l.items().size() != 2 || !(l.items().getFirst() instanceof ScalarNode d)
                || d.value().isEmpty()) {
            return new Opaque("Fn::Split", node);
        }
        Value source = resolve(l.items().get(1));
        if (source instanceof Text t && Texts.isLiteral(t)) {
            return splitText(t, d.value(), node);
        }
        return new Opaque("Fn::Split", node);
    }

    private static ListValue splitText(Text text, String delimiter, Node node) {
        List<Value> items = new ArrayList<>();
        List<Piece> current = new ArrayList<>();
        for (Piece p : text.pieces()) {
            if (!(p instanceof Piece.Literal lit)) {
                current.add(p);
                continue;
            }
            int start = 0;
            int at;
            while ((at = lit.text().indexOf(delimiter, start)) >= 0) {
                current.add(new Piece.Literal(lit.text().substring(start, at), lit.origin(), lit.from() + start, lit.via()));
                items.add(new Text(current, node));
                current = new ArrayList<>();
                start = at + delimiter.length();
            }
            current.add(new Piece.Literal(lit.text().substring(start), lit.origin(), lit.from() + start, lit.via()));
        }
        items.add(new Text(current, node));
        return new ListValue(items, node);
    }

    private Value findInMap(Node arg, Node node) {
        if (!(arg instanceof ListNode l) || l.items().size() < 3 || !(template.mappings() instanceof MapNode mappings)) {
            return unknown(Kind.FUNCTION, "Fn::FindInMap", node);
        }
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Value k = resolve(l.items().get(i));
            keys.add(k instanceof Text t && Texts.isLiteral(t) ? Texts.shape(t) : null);
        }
        if (keys.getFirst() == null || !(mappings.get(keys.getFirst()) instanceof MapNode mapping)) {
            return unknown(Kind.FUNCTION, "Fn::FindInMap", node);
        }
        List<Node> candidates = new ArrayList<>();
        for (MapNode.Entry top : mapping.entries()) {
            if ((keys.get(1) == null || keys.get(1).equals(top.key().value())) && top.value() instanceof MapNode second) {
                for (MapNode.Entry e : second.entries()) {
                    if (keys.get(2) == null || keys.get(2).equals(e.key().value())) {
                        candidates.add(e.value());
                    }
                }
            }
        }
        if (candidates.isEmpty()) {
            return l.items().size() > 3 ? resolve(l.items().get(3)) : unknown(Kind.FUNCTION, "Fn::FindInMap", node);
        }
        if (candidates.size() > MAX_ALTERNATIVES) {
            unresolved.add(new Unresolved(node, "Fn::FindInMap matches more than " + MAX_ALTERNATIVES + " values"));
            return unknown(Kind.FUNCTION, "Fn::FindInMap", node);
        }
        List<Value> values = new ArrayList<>();
        for (Node c : candidates) {
            values.add(viaMapping(resolve(c), keys.getFirst()));
        }
        return values.size() == 1 ? values.getFirst() : new Choice(values, node);
    }

    private static Value viaMapping(Value v, String mapping) {
        if (v instanceof Text t) {
            List<Piece> pieces = new ArrayList<>();
            for (Piece p : t.pieces()) {
                pieces.add(p instanceof Piece.Literal lit && lit.via() == null
                        ? new Piece.Literal(lit.text(), lit.origin(), lit.from(), "mapping " + mapping) : p);
            }
            return new Text(pieces, t.node());
        }
        return v;
    }

    private Value ifThen(Node arg, Node node) {
        if (!(arg instanceof ListNode l) || l.items().size() != 3 || !(l.items().getFirst() instanceof ScalarNode c)) {
            return new Opaque("Fn::If", node);
        }
        Boolean decided = condition(c.value());
        if (decided != null) {
            return resolve(l.items().get(decided ? 1 : 2));
        }
        return new Choice(List.of(resolve(l.items().get(1)), resolve(l.items().get(2))), node);
    }

    /** The value of a named condition, or null when it depends on deploy-time input. */
    public Boolean condition(String name) {
        if (conditionCache.containsKey(name)) {
            return conditionCache.get(name);
        }
        if (!(template.conditions() instanceof MapNode conditions) || conditions.get(name) == null
                || !evaluating.add(name)) {
            return null;
        }
        Boolean value = evaluate(conditions.get(name), 0);
        evaluating.remove(name);
        conditionCache.put(name, value);
        return value;
    }

    private Boolean evaluate(Node node, int level) {
        if (level > MAX_DEPTH || !(node instanceof MapNode m) || m.entries().size() != 1) {
            return null;
        }
        MapNode.Entry e = m.entries().getFirst();
        Node arg = e.value();
        return switch (e.key().value()) {
            case "Condition" -> arg instanceof ScalarNode s ? condition(s.value()) : null;
            case "Fn::Not" -> arg instanceof ListNode l && l.items().size() == 1
                    ? not(evaluate(l.items().getFirst(), level + 1)) : null;
            case "Fn::And", "Fn::Or" -> andOr(e.key().value().equals("Fn::And"), arg, level);
            case "Fn::Equals" -> equalsFn(arg);
            default -> null;
        };
    }

    private static Boolean not(Boolean b) {
        return b == null ? null : !b;
    }

    private Boolean andOr(boolean and, Node arg, int level) {
        if (!(arg instanceof ListNode l)) {
            return null;
        }
        boolean unknown = false;
        for (Node item : l.items()) {
            Boolean b = evaluate(item, level + 1);
            if (b == null) {
                unknown = true;
            } else if (b != and) {
                return b;
            }
        }
        return unknown ? null : and;
    }

    private Boolean equalsFn(Node arg) {
        if (!(arg instanceof ListNode l) || l.items().size() != 2) {
            return null;
        }
        Value a = resolve(l.items().getFirst());
        Value b = resolve(l.items().get(1));
        if (a instanceof Text ta && b instanceof Text tb && Texts.isLiteral(ta) && Texts.isLiteral(tb)) {
            return Texts.shape(ta).equals(Texts.shape(tb));
        }
        return null;
    }

    /** Concatenates strings; branches of undecided ifs multiply up to {@link #MAX_ALTERNATIVES}. */
    private Value concat(List<Value> parts, Node node) {
        List<List<Piece>> combos = new ArrayList<>();
        combos.add(new ArrayList<>());
        for (Value part : parts) {
            List<Value> options = part.alternatives();
            if (options.isEmpty()) {
                continue;
            }
            if (combos.size() * options.size() > MAX_ALTERNATIVES) {
                unresolved.add(new Unresolved(node, "more than " + MAX_ALTERNATIVES + " combinations of undecided Fn::If branches"));
                return unknown(Kind.FUNCTION, "Fn::If", node);
            }
            List<List<Piece>> next = new ArrayList<>();
            for (List<Piece> combo : combos) {
                for (Value option : options) {
                    List<Piece> extended = new ArrayList<>(combo);
                    if (option instanceof Text t) {
                        extended.addAll(t.pieces());
                    } else {
                        extended.add(new Piece.Unknown(Kind.FUNCTION, "value", null, option.node()));
                    }
                    next.add(extended);
                }
            }
            combos = next;
        }
        if (combos.size() == 1) {
            return new Text(combos.getFirst(), node);
        }
        List<Value> texts = new ArrayList<>();
        combos.forEach(c -> texts.add(new Text(c, node)));
        return new Choice(texts, node);
    }
}
