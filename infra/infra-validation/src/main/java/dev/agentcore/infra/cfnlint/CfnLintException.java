package dev.agentcore.infra.cfnlint;

/** cfn-lint could not be run, or did not produce the report it should have. The message says why. */
public class CfnLintException extends RuntimeException {

    public CfnLintException(String message) {
        super(message);
    }

    public CfnLintException(String message, Throwable cause) {
        super(message, cause);
    }
}
