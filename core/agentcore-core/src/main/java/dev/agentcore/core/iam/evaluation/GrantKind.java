package dev.agentcore.core.iam.evaluation;

/**
 * What a resource-based policy's Principal names for a caller; it decides which implicit denies the grant overrides
 * (IAM User Guide, "Policy evaluation logic", resource-based policies within one account). Ordered weakest first.
 */
enum GrantKind {
    /** The caller's account: a delegation, the caller's identity-based policies must allow too. */
    ACCOUNT,
    /** The role the caller is a session of: limited by the permissions boundary, not by identity-based policies. */
    ROLE,
    /** The caller itself (user, session, federated user, service, web identity) or everyone ({@code "*"}): final. */
    DIRECT
}
