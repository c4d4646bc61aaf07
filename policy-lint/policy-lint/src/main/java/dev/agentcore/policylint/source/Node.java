package dev.agentcore.policylint.source;

/**
 * A parsed YAML or JSON value that knows where it came from. YAML short-form tags ({@code !Sub x}) are turned into
 * their long form ({@code {"Fn::Sub": x}}) while reading, so later stages see one shape for both formats.
 */
public sealed interface Node permits MapNode, ListNode, ScalarNode {

    SourceFile file();

    /** Character offset of the node's first character (its tag or anchor when it has one). */
    int offset();

    /** Number of nodes in this subtree, counting every alias expansion: bounds the work on an alias bomb. */
    int size();

    /** Nesting depth of this subtree. */
    int depth();

    default Position position() {
        return file().position(offset());
    }

    default Region region() {
        return Region.at(file(), position());
    }
}
