package dev.agentcore.core.iam;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One statement of a policy. List-valued elements accept a single value too, as IAM does. Condition maps an operator
 * ({@code StringEquals}) to a map of condition key to values.
 */
public record Statement(
        @JsonProperty("Sid") String sid,
        @JsonProperty("Effect") Effect effect,
        @JsonProperty("Principal") Principal principal,
        @JsonProperty("NotPrincipal") Principal notPrincipal,
        @JsonProperty("Action") List<String> action,
        @JsonProperty("NotAction") List<String> notAction,
        @JsonProperty("Resource") List<String> resource,
        @JsonProperty("NotResource") List<String> notResource,
        @JsonProperty("Condition") Map<String, Map<String, List<String>>> condition) {

    public Statement {
        action = copy(action);
        notAction = copy(notAction);
        resource = copy(resource);
        notResource = copy(notResource);
        condition = condition == null ? Map.of() : Map.copyOf(condition);
    }

    private static List<String> copy(List<String> values) {
        return values == null ? List.of() : List.copyOf(values);
    }

    /** True when the statement's action element covers {@code action} ({@code service:Name}). */
    public boolean coversAction(String action) {
        if (!notAction.isEmpty()) {
            return notAction.stream().noneMatch(p -> ActionPattern.of(p).matches(action));
        }
        return this.action.stream().anyMatch(p -> ActionPattern.of(p).matches(action));
    }

    /** True when the statement's resource element covers {@code arn}. */
    public boolean coversResource(String arn) {
        if (!notResource.isEmpty()) {
            return notResource.stream().noneMatch(p -> ArnPattern.of(p).matches(arn));
        }
        return resource.stream().anyMatch(p -> ArnPattern.of(p).matches(arn));
    }

    /** The values of condition key {@code key} (case-insensitive, as IAM compares keys) under any operator. */
    public List<String> conditionValues(String key) {
        return condition.values().stream()
                .flatMap(m -> m.entrySet().stream())
                .filter(e -> e.getKey().equalsIgnoreCase(key))
                .flatMap(e -> e.getValue().stream())
                .toList();
    }
}
