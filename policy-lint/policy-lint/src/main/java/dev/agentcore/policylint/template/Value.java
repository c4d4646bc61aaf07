package dev.agentcore.policylint.template;

import java.util.ArrayList;
import java.util.List;

import dev.agentcore.policylint.source.Node;
import dev.agentcore.policylint.source.ScalarNode;

/**
 * A template value after resolving intrinsic functions. What cannot be known before deployment ({@code !GetAtt},
 * {@code AWS::AccountId}, a parameter without default) stays as an unknown piece of a {@link Text}; an {@code Fn::If}
 * whose condition cannot be decided keeps both branches as a {@link Choice}.
 */
public sealed interface Value {

    /** Where the value was written. */
    Node node();

    /** This value, or each branch of an undecided {@code Fn::If}, recursively; never a Choice, never NoValue. */
    default List<Value> alternatives() {
        List<Value> out = new ArrayList<>();
        collect(this, out);
        return out;
    }

    private static void collect(Value v, List<Value> out) {
        if (v instanceof Choice c) {
            c.options().forEach(o -> collect(o, out));
        } else if (!(v instanceof NoValue)) {
            out.add(v);
        }
    }

    /** The items of a list (each alternative flattened), or this value alone. */
    default List<Value> items() {
        List<Value> out = new ArrayList<>();
        for (Value v : alternatives()) {
            if (v instanceof ListValue l) {
                for (Value item : l.items()) {
                    out.addAll(item.alternatives());
                }
            } else {
                out.add(v);
            }
        }
        return out;
    }

    /** A string: literal pieces (with their origin in the file) and unknown pieces. */
    record Text(List<Piece> pieces, Node node) implements Value {
        public Text {
            pieces = List.copyOf(pieces);
        }

        public static Text literal(ScalarNode scalar) {
            return new Text(List.of(new Piece.Literal(scalar.value(), scalar, 0, null)), scalar);
        }
    }

    record ListValue(List<Value> items, Node node) implements Value {
        public ListValue {
            items = List.copyOf(items);
        }
    }

    record MapValue(List<Entry> entries, Node node) implements Value {
        public record Entry(String key, ScalarNode keyNode, Value value) {
        }

        public MapValue {
            entries = List.copyOf(entries);
        }

        public Value get(String key) {
            for (Entry e : entries) {
                if (e.key().equals(key)) {
                    return e.value();
                }
            }
            return null;
        }
    }

    /** Both branches of an {@code Fn::If} whose condition depends on deploy-time input. */
    record Choice(List<Value> options, Node node) implements Value {
        public Choice {
            options = List.copyOf(options);
        }
    }

    /** {@code AWS::NoValue}: the property is absent. */
    record NoValue(Node node) implements Value {
    }

    /** A non-string value known only at deploy time (a list from {@code Fn::GetAZs}, an unresolvable {@code Fn::Select}). */
    record Opaque(String label, Node node) implements Value {
    }
}
