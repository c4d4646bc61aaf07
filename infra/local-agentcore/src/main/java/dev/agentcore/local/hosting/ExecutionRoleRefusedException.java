package dev.agentcore.local.hosting;

/** The execution role cannot be assumed for a session: its trust policy does not let the service assume it. */
public final class ExecutionRoleRefusedException extends Exception {

    public ExecutionRoleRefusedException(String message) {
        super(message);
    }
}
