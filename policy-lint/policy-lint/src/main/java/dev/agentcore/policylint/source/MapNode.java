package dev.agentcore.policylint.source;

import java.util.List;

/** A mapping with its entries in file order; keys are unique (of a key defined twice, the reader keeps the last). */
public record MapNode(SourceFile file, int offset, List<Entry> entries, int size, int depth) implements Node {

    public record Entry(ScalarNode key, Node value) {
    }

    public MapNode {
        entries = List.copyOf(entries);
    }

    public Node get(String key) {
        for (Entry e : entries) {
            if (e.key().value().equals(key)) {
                return e.value();
            }
        }
        return null;
    }

    public Entry entry(String key) {
        for (Entry e : entries) {
            if (e.key().value().equals(key)) {
                return e;
            }
        }
        return null;
    }

    public boolean has(String key) {
        return get(key) != null;
    }
}
