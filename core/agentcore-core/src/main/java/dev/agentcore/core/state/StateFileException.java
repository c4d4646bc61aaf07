package dev.agentcore.core.state;

/** The state file is missing or malformed; the message names the file and, when known, the line and column. */
public final class StateFileException extends Exception {

    public StateFileException(String message) {
        super(message);
    }
}
