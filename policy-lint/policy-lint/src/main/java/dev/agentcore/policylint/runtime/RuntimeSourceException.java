package dev.agentcore.policylint.runtime;

/** A runtimes file or the live lookup could not be read; the message names the file and line or the cause. */
public final class RuntimeSourceException extends Exception {

    public RuntimeSourceException(String message) {
        super(message);
    }
}
