package dev.agentcore.policylint.source;

import java.util.Objects;

/** A range in a file: where a finding's offending value starts and ends (end exclusive). */
public record Region(SourceFile file, Position start, Position end) {

    // equals, hashCode (and toString) by hand, with the record's meaning: the generated ones bootstrap through
    // java.lang.runtime.ObjectMethods on first use, which the AOT cache does not keep, 10 to 30 ms of a
    // one-template run (findings are deduplicated in hash sets). RecordMethodsTest checks they match.
    @Override
    public boolean equals(Object o) {
        return o instanceof Region r && Objects.equals(file, r.file) && Objects.equals(start, r.start)
                && Objects.equals(end, r.end);
    }

    @Override
    public int hashCode() {
        return Objects.hash(file, start, end);
    }

    @Override
    public String toString() {
        return "Region[file=" + file + ", start=" + start + ", end=" + end + "]";
    }

    public static Region at(SourceFile file, Position start) {
        return new Region(file, start, new Position(start.line(), start.column() + 1));
    }
}
