package dev.agentcore.local.control;

import java.util.List;
import java.util.Optional;

/**
 * {@code authorizerConfiguration.customJWTAuthorizer}: how the data plane checks a bearer token for this runtime.
 * Empty lists mean the check is not configured (the service model's lists have at least one item when present).
 */
public record CustomJwtAuthorizer(String discoveryUrl, List<String> allowedAudience, List<String> allowedClients,
                                  List<String> allowedScopes, List<CustomClaim> customClaims) {

    public CustomJwtAuthorizer {
        allowedAudience = List.copyOf(allowedAudience);
        allowedClients = List.copyOf(allowedClients);
        allowedScopes = List.copyOf(allowedScopes);
        customClaims = List.copyOf(customClaims);
    }

    /** One {@code customClaims} rule: the token's claim {@code claimName} must match as {@code operator} says. */
    public record CustomClaim(String claimName, ValueType valueType, Operator operator,
                              Optional<String> matchValueString, List<String> matchValueStringList) {

        public CustomClaim {
            matchValueStringList = List.copyOf(matchValueStringList);
        }
    }

    /** {@code inboundTokenClaimValueType}. */
    public enum ValueType {
        STRING, STRING_ARRAY
    }

    /** {@code claimMatchOperator}. */
    public enum Operator {
        EQUALS, CONTAINS, CONTAINS_ANY
    }
}
