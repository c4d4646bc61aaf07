package dev.agentcore.localoauth.authorizer;

import java.util.List;
import java.util.Optional;

/**
 * One entry of a customJWTAuthorizer's customClaims (CustomClaimValidationType): the claim, its type, and the value
 * or values it must match.
 */
public record CustomClaimRule(String claimName, ClaimValueType valueType, ClaimMatchOperator operator,
                              Optional<String> matchValueString, List<String> matchValueStringList) {

    public CustomClaimRule {
        if (claimName == null || claimName.isBlank()) {
            throw new IllegalArgumentException("customClaims: inboundTokenClaimName is required");
        }
        matchValueString = matchValueString == null ? Optional.empty() : matchValueString;
        matchValueStringList = matchValueStringList == null ? List.of() : List.copyOf(matchValueStringList);
        String where = "customClaims[" + claimName + "]: ";
        switch (operator) {
            case EQUALS -> {
                require(valueType == ClaimValueType.STRING, where + "EQUALS needs inboundTokenClaimValueType STRING");
                require(matchValueString.isPresent(), where + "EQUALS needs claimMatchValue.matchValueString");
            }
            case CONTAINS -> {
                require(valueType == ClaimValueType.STRING_ARRAY, where + "CONTAINS needs inboundTokenClaimValueType STRING_ARRAY");
                require(matchValueString.isPresent(), where + "CONTAINS needs claimMatchValue.matchValueString");
            }
            case CONTAINS_ANY -> {
                require(valueType == ClaimValueType.STRING_ARRAY, where + "CONTAINS_ANY needs inboundTokenClaimValueType STRING_ARRAY");
                require(!matchValueStringList.isEmpty(), where + "CONTAINS_ANY needs claimMatchValue.matchValueStringList");
            }
        }
    }

    public static CustomClaimRule equalsString(String claim, String value) {
        return new CustomClaimRule(claim, ClaimValueType.STRING, ClaimMatchOperator.EQUALS, Optional.of(value), List.of());
    }

    public static CustomClaimRule arrayContains(String claim, String value) {
        return new CustomClaimRule(claim, ClaimValueType.STRING_ARRAY, ClaimMatchOperator.CONTAINS, Optional.of(value),
                List.of());
    }

    public static CustomClaimRule arrayContainsAny(String claim, List<String> values) {
        return new CustomClaimRule(claim, ClaimValueType.STRING_ARRAY, ClaimMatchOperator.CONTAINS_ANY, Optional.empty(),
                values);
    }

    /** Whether the token's value of the claim (null when absent) satisfies the rule. */
    public boolean matches(Object claimValue) {
        return switch (operator) {
            case EQUALS -> claimValue instanceof String s && s.equals(matchValueString.orElseThrow());
            case CONTAINS -> claimValue instanceof List<?> list && list.contains(matchValueString.orElseThrow());
            case CONTAINS_ANY -> claimValue instanceof List<?> list && list.stream().anyMatch(matchValueStringList::contains);
        };
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
