package dev.agentcore.local.identity;

import java.time.Instant;

import dev.agentcore.core.arn.PrincipalArn;
import dev.agentcore.core.arn.WorkloadIdentityArn;

/**
 * What a workload access token stands for: the workload identity, the user it acts for, who asked for it, and until
 * when it holds. The token itself is not kept here, so a grant can be logged.
 */
public record WorkloadAccessGrant(WorkloadIdentityArn workloadIdentity, WorkloadUser user, PrincipalArn issuedTo,
                                  Instant expiresAt) {

    public boolean expiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
