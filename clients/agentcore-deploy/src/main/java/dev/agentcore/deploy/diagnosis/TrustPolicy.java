package dev.agentcore.deploy.diagnosis;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the trust-policy rules read of a role's trust policy: the service principals its Allow statements name, and
 * the Regions of their {@code aws:SourceArn} conditions. IAM answers GetRole with the document URL-encoded.
 */
record TrustPolicy(List<String> principals, List<String> sourceArnRegions) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static Optional<TrustPolicy> parse(String document) {
        String text = document.strip().startsWith("%") || document.contains("%22")
                ? URLDecoder.decode(document, StandardCharsets.UTF_8) : document;
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        List<String> principals = new ArrayList<>();
        List<String> regions = new ArrayList<>();
        JsonNode statements = root.path("Statement");
        for (JsonNode statement : statements.isArray() ? statements : JSON.createArrayNode().add(statements)) {
            if (!"Allow".equals(statement.path("Effect").asString(""))) {
                continue;
            }
            texts(statement.path("Principal").path("Service"), principals);
            for (JsonNode operator : statement.path("Condition")) {
                List<String> arns = new ArrayList<>();
                texts(operator.path("aws:SourceArn"), arns);
                for (String arn : arns) {
                    String[] parts = arn.split(":", 6);
                    if (parts.length > 3) {
                        regions.add(parts[3]);
                    }
                }
            }
        }
        return Optional.of(new TrustPolicy(principals, regions));
    }

    private static void texts(JsonNode node, List<String> into) {
        if (node.isString()) {
            into.add(node.asString());
        } else if (node.isArray()) {
            node.forEach(item -> into.add(item.asString()));
        }
    }
}
