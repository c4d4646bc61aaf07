package dev.agentcore.policylint.source;

/** A string, number, boolean or null, with the means to find each of its characters in the file. */
public record ScalarNode(SourceFile file, int offset, String value, Kind kind) implements Node {

    public enum Kind {
        STRING, NUMBER, BOOLEAN, NULL
    }

    @Override
    public int size() {
        return 1;
    }

    @Override
    public int depth() {
        return 1;
    }

    public boolean isString() {
        return kind == Kind.STRING;
    }

    /** Where character {@code index} of the value sits in the file, also inside quotes, escapes and folded lines. */
    public Position positionOf(int index) {
        return file.position(rawOffsetOf(index));
    }

    /** The file offset of character {@code index} of the value. */
    public int rawOffsetOf(int index) {
        return ScalarLayout.rawOffset(file.text(), offset, value, index);
    }
}
