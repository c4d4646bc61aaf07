package dev.agentcore.policylint.source;

import java.util.List;

public record ListNode(SourceFile file, int offset, List<Node> items, int size, int depth) implements Node {

    public ListNode {
        items = List.copyOf(items);
    }
}
