package dev.agentcore.policylint.source;

/** A 1-based line and column (columns count UTF-16 characters, as SARIF does by default). */
public record Position(int line, int column) implements Comparable<Position> {

    @Override
    public int compareTo(Position o) {
        return line != o.line ? Integer.compare(line, o.line) : Integer.compare(column, o.column);
    }

    @Override
    public String toString() {
        return line + ":" + column;
    }
}
