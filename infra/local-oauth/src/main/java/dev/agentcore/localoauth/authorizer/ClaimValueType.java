package dev.agentcore.localoauth.authorizer;

/** CustomClaimValidationType.inboundTokenClaimValueType. */
public enum ClaimValueType {
    STRING,
    STRING_ARRAY
}
