package dev.agentcore.core.iam.evaluation;

/**
 * Something the evaluator could not take at face value. AWS would have refused most of these policies when they were
 * written; the evaluator never throws on them, it lets the statement not match and says so here.
 */
public record EvaluationNote(StatementRef statement, Kind kind, String detail) {

    public enum Kind {
        /** A condition operator IAM does not have (or a combination it forbids, such as {@code NullIfExists}): the statement never applies. */
        UNSUPPORTED_OPERATOR,
        /** A {@code ${} that does not close, an empty {@code ${}}, or a default not in single quotes. */
        MALFORMED_VARIABLE,
        /** A condition value the operator cannot read (a number that is not one, a date, a CIDR): that value never matches. */
        INVALID_CONDITION_VALUE,
        /** A policy variable with no value in the request and no default: the element holding it matches nothing. */
        UNRESOLVED_VARIABLE,
        /** A policy variable before the fifth colon of a Resource ARN: IAM only substitutes in the resource part. */
        VARIABLE_OUTSIDE_RESOURCE,
        /** A statement without Effect, Action/NotAction, Resource/NotResource or (in a resource-based policy) Principal. */
        MISSING_ELEMENT,
        /** A Principal value the evaluator cannot match (CanonicalUser, an unknown principal kind). */
        UNSUPPORTED_PRINCIPAL
    }

    @Override
    public String toString() {
        return statement.label() + ": " + detail;
    }
}
