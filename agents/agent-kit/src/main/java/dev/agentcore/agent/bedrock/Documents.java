package dev.agentcore.agent.bedrock;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.document.Document;
import tools.jackson.databind.JsonNode;

/** Jackson trees to the AWS SDK's {@link Document}s, for tool schemas, tool inputs and JSON tool results. */
final class Documents {

    private Documents() {
    }

    static Document toDocument(JsonNode node) {
        return switch (node.getNodeType()) {
            case OBJECT -> {
                Map<String, Document> members = new LinkedHashMap<>();
                for (Map.Entry<String, JsonNode> member : node.properties()) {
                    members.put(member.getKey(), toDocument(member.getValue()));
                }
                yield Document.fromMap(members);
            }
            case ARRAY -> {
                List<Document> items = new ArrayList<>();
                for (JsonNode item : node) {
                    items.add(toDocument(item));
                }
                yield Document.fromList(items);
            }
            case STRING -> Document.fromString(node.stringValue());
            case NUMBER -> node.isIntegralNumber() ? Document.fromNumber(node.bigIntegerValue())
                    : Document.fromNumber(node.decimalValue());
            case BOOLEAN -> Document.fromBoolean(node.booleanValue());
            case NULL, MISSING -> Document.fromNull();
            case BINARY, POJO -> Document.fromString(node.asString());
        };
    }
}
