package dev.agentcore.localoauth.authorizer;

/**
 * AuthorizingClaimMatchValueType.claimMatchOperator. EQUALS goes with a STRING claim and matchValueString; CONTAINS
 * with a STRING_ARRAY claim and matchValueString (the array holds that value); CONTAINS_ANY with a STRING_ARRAY claim
 * and matchValueStringList (the array holds at least one of them).
 */
public enum ClaimMatchOperator {
    EQUALS,
    CONTAINS,
    CONTAINS_ANY
}
