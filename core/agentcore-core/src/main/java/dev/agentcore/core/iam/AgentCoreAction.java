package dev.agentcore.core.iam;

import java.util.List;

/** An IAM action of bedrock-agentcore; {@code resourceTypes} is empty when the catalog does not know them. */
public record AgentCoreAction(String name, List<String> resourceTypes) {

    public AgentCoreAction {
        resourceTypes = List.copyOf(resourceTypes);
    }

    public String qualifiedName() {
        return AgentCoreCatalog.SERVICE + ":" + name;
    }
}
