package dev.agentcore.core.iam.evaluation;

/**
 * An Allow statement that covers the requested action but did not apply, and the first element that did not match:
 * what a diagnosis needs to say "this grant is for {@code .../agentName-*}, the request was for {@code mcp_echo-...}".
 */
public record NearMiss(StatementRef statement, Mismatch mismatch, String detail) {

    public enum Mismatch {
        /** None of the statement's Resource patterns (or one of its NotResource patterns) matched the requested resource. */
        RESOURCE,
        /** The statement's Principal (or NotPrincipal) does not cover the caller. */
        PRINCIPAL,
        /** A condition evaluated to false. */
        CONDITION,
        /** The statement never applies: one of its condition operators is not an IAM operator. */
        UNSUPPORTED_CONDITION
    }

    @Override
    public String toString() {
        return statement.label() + " (" + mismatch + ": " + detail + ")";
    }
}
