package dev.agentcore.deploy.cli;

/** The exit status of every command; documented in the module's README. */
public enum ExitCode {
    /** Done: deployed, nothing to change, or the dry run printed its plan. */
    OK(0),
    /** The deployment failed: a stack rolled back, a runtime or endpoint is not READY, a smoke call failed. */
    FAILED(1),
    /** Usage or configuration: a bad flag, an unknown stack or runtime, an environment or manifest problem. */
    USAGE(2),
    /** No usable AWS credentials, or the caller is denied an action. */
    CREDENTIALS(3),
    /** policy-lint found errors (before the deploy: nothing was created; after it: the deploy stands). */
    LINT(4),
    /** A stack is in a state only a recovery command leaves (ROLLBACK_COMPLETE, UPDATE_ROLLBACK_FAILED). */
    NEEDS_RECOVERY(5);

    private final int status;

    ExitCode(int status) {
        this.status = status;
    }

    public int status() {
        return status;
    }
}
