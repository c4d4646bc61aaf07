package dev.agentcore.core.iam.evaluation;

/** The three answers of IAM policy evaluation. */
public enum Outcome {
    /** An applicable Allow, in every policy type that has to allow, and no applicable Deny. */
    ALLOW,
    /** An applicable Deny statement in any policy: nothing can override it. */
    EXPLICIT_DENY,
    /** No applicable Deny, but no applicable Allow either (in a policy type that has to allow). */
    IMPLICIT_DENY
}
