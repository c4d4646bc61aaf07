package dev.agentcore.local.identity;

/**
 * On whose behalf a workload access token lets a workload act: nobody (GetWorkloadAccessToken), a user named by the
 * caller (GetWorkloadAccessTokenForUserId), or the subject of a verified user token (GetWorkloadAccessTokenForJWT,
 * bound to issuer and subject, as AgentCore Identity keys a user's credentials).
 */
public sealed interface WorkloadUser {

    /** The workload acting for itself. */
    record None() implements WorkloadUser {
    }

    /** A user id the caller vouches for. */
    record UserId(String id) implements WorkloadUser {
    }

    /** The {@code sub} of a user token whose signature and issuer were checked, with that issuer. */
    record JwtSubject(String issuer, String subject) implements WorkloadUser {
    }
}
