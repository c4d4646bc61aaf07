package dev.agentcore.local.data;

import dev.agentcore.core.arn.PrincipalArn;
import dev.agentcore.core.arn.WorkloadIdentityArn;

/**
 * Where the data plane gets the workload access token it hands the container in the {@value #HEADER} header: the
 * identity service's token store ({@code IdentityService#workloadTokenIssuer}), so the agent can spend the token on
 * GetResourceOauth2Token and GetResourceApiKey against the same service. The data plane has already checked that the
 * execution role may get it; the issuer only records the grant.
 */
public interface WorkloadTokenIssuer {

    /** The header AgentCore Runtime passes the token in (the runtime starter's {@code AgentCoreContext} reads it). */
    String HEADER = "WorkloadAccessToken";

    /** GetWorkloadAccessTokenForJWT: for the user a verified inbound token names. */
    String forJwt(WorkloadIdentityArn identity, String issuer, String subject, PrincipalArn role);

    /** GetWorkloadAccessTokenForUserId: for the user the SigV4 caller names in the runtime user id header. */
    String forUserId(WorkloadIdentityArn identity, String userId, PrincipalArn role);

    /** GetWorkloadAccessToken: for the workload itself, no user. */
    String forWorkload(WorkloadIdentityArn identity, PrincipalArn role);
}
