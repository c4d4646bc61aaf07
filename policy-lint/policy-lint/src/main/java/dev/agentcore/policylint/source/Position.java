package dev.agentcore.policylint.source;

/** A 1-based line and column (columns count UTF-16 characters, as SARIF does by default). */
public record Position(int line, int column) implements Comparable<Position> {

    @Override
    public int compareTo(Position o) {
        return line != o.line ? Integer.compare(line, o.line) : Integer.compare(column, o.column);
    }

    // equals and hashCode by hand: the generated ones bootstrap through java.lang.runtime.ObjectMethods on first
    // use, which the AOT cache does not keep (see Region).
    @Override
    public boolean equals(Object o) {
        return o instanceof Position p && line == p.line && column == p.column;
    }

    @Override
    public int hashCode() {
        return 31 * line + column;
    }

    @Override
    public String toString() {
        return line + ":" + column;
    }
}
