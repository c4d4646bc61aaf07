package dev.agentcore.localoauth.authorizer;

import dev.agentcore.core.state.AuthorizerSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * A runtime's {@code authorizerConfiguration.customJWTAuthorizer} (CustomJWTAuthorizerConfiguration in the
 * bedrock-agentcore-control model). An empty list means "not checked", as an absent member does on the wire.
 * privateEndpoint, certificateConfigurations, advertisedScopeMapping and allowedWorkloadConfiguration are not
 * modelled: they change how AgentCore reaches the issuer or what it advertises, not which token it accepts.
 */
public record JwtAuthorizerConfig(String discoveryUrl, List<String> allowedClients, List<String> allowedAudience,
                                  List<String> allowedScopes, List<CustomClaimRule> customClaims) {

    public JwtAuthorizerConfig {
        if (discoveryUrl == null || discoveryUrl.isBlank()) {
            throw new IllegalArgumentException("customJWTAuthorizer.discoveryUrl is required");
        }
        allowedClients = allowedClients == null ? List.of() : List.copyOf(allowedClients);
        allowedAudience = allowedAudience == null ? List.of() : List.copyOf(allowedAudience);
        allowedScopes = allowedScopes == null ? List.of() : List.copyOf(allowedScopes);
        customClaims = customClaims == null ? List.of() : List.copyOf(customClaims);
    }

    public static JwtAuthorizerConfig of(String discoveryUrl) {
        return new JwtAuthorizerConfig(discoveryUrl, null, null, null, null);
    }

    /** From the deploy state file's authorizer (which holds no customClaims). */
    public static JwtAuthorizerConfig from(AuthorizerSettings settings) {
        return new JwtAuthorizerConfig(settings.discoveryUrl(), settings.allowedClients(), settings.allowedAudience(),
                settings.allowedScopes(), List.of());
    }

    /**
     * From the wire form: the {@code customJWTAuthorizer} object of CreateAgentRuntime or GetAgentRuntime, member
     * names as in the service model.
     */
    public static JwtAuthorizerConfig fromJson(JsonNode customJwtAuthorizer) {
        List<CustomClaimRule> claims = new ArrayList<>();
        for (JsonNode rule : customJwtAuthorizer.path("customClaims")) {
            JsonNode match = rule.path("authorizingClaimMatchValue");
            JsonNode value = match.path("claimMatchValue");
            claims.add(new CustomClaimRule(rule.path("inboundTokenClaimName").asString(null),
                    ClaimValueType.valueOf(rule.path("inboundTokenClaimValueType").asString("")),
                    ClaimMatchOperator.valueOf(match.path("claimMatchOperator").asString("")),
                    Optional.ofNullable(value.path("matchValueString").asString(null)), strings(value.path("matchValueStringList"))));
        }
        return new JwtAuthorizerConfig(customJwtAuthorizer.path("discoveryUrl").asString(null),
                strings(customJwtAuthorizer.path("allowedClients")), strings(customJwtAuthorizer.path("allowedAudience")),
                strings(customJwtAuthorizer.path("allowedScopes")), claims);
    }

    public JwtAuthorizerConfig withAllowedClients(List<String> clients) {
        return new JwtAuthorizerConfig(discoveryUrl, clients, allowedAudience, allowedScopes, customClaims);
    }

    public JwtAuthorizerConfig withAllowedAudience(List<String> audience) {
        return new JwtAuthorizerConfig(discoveryUrl, allowedClients, audience, allowedScopes, customClaims);
    }

    public JwtAuthorizerConfig withAllowedScopes(List<String> scopes) {
        return new JwtAuthorizerConfig(discoveryUrl, allowedClients, allowedAudience, scopes, customClaims);
    }

    public JwtAuthorizerConfig withCustomClaims(List<CustomClaimRule> rules) {
        return new JwtAuthorizerConfig(discoveryUrl, allowedClients, allowedAudience, allowedScopes, rules);
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asString()));
        return values;
    }
}
