package dev.agentcore.policylint.source;

/** A file that cannot be read as YAML or JSON: the message and where the reader stopped. */
public final class ParseProblem extends Exception {

    private final transient Position position;

    public ParseProblem(String message, Position position) {
        super(message);
        this.position = position;
    }

    public Position position() {
        return position;
    }
}
