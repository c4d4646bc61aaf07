package dev.agentcore.policylint.rule;

import java.util.Optional;

import dev.agentcore.core.iam.AgentCoreResourceType;

/**
 * The bedrock-agentcore resource types that belong to one runtime, as the rules reason about them. The catalog names
 * them with strings ({@code runtime}, ...); the rules decide on these constants, never on those strings.
 */
public enum RuntimeResourceType {
    RUNTIME("runtime", "runtime", "runtime/"),
    RUNTIME_ENDPOINT("runtime-endpoint", "runtime endpoint", "runtime/"),
    WORKLOAD_IDENTITY("workload-identity", "workload identity", "workload-identity-directory/default/workload-identity/");

    private final String catalogName;
    private final String description;
    private final String namePrefix;

    RuntimeResourceType(String catalogName, String description, String namePrefix) {
        this.catalogName = catalogName;
        this.description = description;
        this.namePrefix = namePrefix;
    }

    /** The resource type's name in the catalog (the Service Authorization Reference). */
    public String catalogName() {
        return catalogName;
    }

    /** How messages name it. */
    public String description() {
        return description;
    }

    /** The resource path before the runtime's name, as a fix writes it. */
    public String namePrefix() {
        return namePrefix;
    }

    /** The constant for a catalog resource type; empty for the types that are not a runtime's. */
    public static Optional<RuntimeResourceType> of(AgentCoreResourceType type) {
        for (RuntimeResourceType t : values()) {
            if (t.catalogName.equals(type.name())) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
