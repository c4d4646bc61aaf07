package dev.agentcore.policylint.source;

/** A range in a file: where a finding's offending value starts and ends (end exclusive). */
public record Region(SourceFile file, Position start, Position end) {

    public static Region at(SourceFile file, Position start) {
        return new Region(file, start, new Position(start.line(), start.column() + 1));
    }
}
