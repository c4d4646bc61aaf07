package dev.agentcore.deploy.stacks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The resources a template declares, as destroy needs them: type and whether {@code DeletionPolicy: Retain} keeps
 * it. (Short-form tags such as {@code !Ref} read as plain values, which is all this needs.)
 */
public record TemplateResources(List<Resource> resources) {

    public record Resource(String logicalId, String type, boolean retained) {
    }

    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    public static TemplateResources read(Path template) {
        List<Resource> resources = new ArrayList<>();
        try {
            JsonNode root = YAML.readTree(template.toFile());
            for (Map.Entry<String, JsonNode> entry : root.path("Resources").properties()) {
                resources.add(new Resource(entry.getKey(), entry.getValue().path("Type").asString(""),
                        "Retain".equals(entry.getValue().path("DeletionPolicy").asString(""))));
            }
        } catch (RuntimeException unreadable) {
            // destroy still deletes the stack; it only cannot list what the template keeps
        }
        return new TemplateResources(resources);
    }

    public List<Resource> retained() {
        return resources.stream().filter(Resource::retained).toList();
    }

    public boolean has(String type) {
        return resources.stream().anyMatch(r -> r.type().equals(type));
    }
}
