package dev.agentcore.deploy.cli;

/**
 * Why a command stops: one line naming the cause and the next step, and the exit status. Never printed with a stack
 * trace.
 */
public class DeployException extends RuntimeException {

    private final ExitCode exitCode;

    public DeployException(ExitCode exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public DeployException(ExitCode exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public ExitCode exitCode() {
        return exitCode;
    }
}
