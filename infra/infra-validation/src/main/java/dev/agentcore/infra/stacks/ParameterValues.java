package dev.agentcore.infra.stacks;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/** CloudFormation parameter values are strings; JSON numbers, booleans and string lists are accepted too. */
final class ParameterValues {

    private ParameterValues() {
    }

    /** The value as CloudFormation takes it (lists comma-joined), or empty if the node cannot be one. */
    static Optional<String> text(JsonNode node) {
        if (node.isString() || node.isNumber() || node.isBoolean()) {
            return Optional.of(node.asString());
        }
        if (node.isArray()) {
            List<String> items = new ArrayList<>();
            for (JsonNode item : node) {
                if (!item.isString()) {
                    return Optional.empty();
                }
                items.add(item.asString());
            }
            return Optional.of(String.join(",", items));
        }
        return Optional.empty();
    }
}
