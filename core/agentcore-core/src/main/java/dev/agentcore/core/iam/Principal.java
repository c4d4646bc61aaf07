package dev.agentcore.core.iam;

import java.util.List;
import java.util.Map;

import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * The {@code Principal} (or {@code NotPrincipal}) of a statement: either {@code "*"} (everyone) or a map from a
 * principal kind ({@code AWS}, {@code Service}, {@code Federated}, {@code CanonicalUser}) to its values.
 */
@JsonDeserialize(using = PrincipalDeserializer.class)
public record Principal(boolean everyone, Map<String, List<String>> byKind) {

    public Principal {
        byKind = byKind == null ? Map.of() : Map.copyOf(byKind);
    }

    public static Principal anyone() {
        return new Principal(true, Map.of());
    }

    public static Principal of(Map<String, List<String>> byKind) {
        return new Principal(false, byKind);
    }

    /** The values of one kind, for example {@code services()} of a trust policy. */
    public List<String> values(String kind) {
        return byKind.getOrDefault(kind, List.of());
    }

    public List<String> services() {
        return values("Service");
    }
}
