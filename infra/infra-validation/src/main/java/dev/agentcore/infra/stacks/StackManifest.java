package dev.agentcore.infra.stacks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The deploy order ({@code infra/stacks.json}): stacks in the order they must be deployed, each able to use the
 * outputs of the stacks before it. Template paths are relative to the manifest's directory.
 */
public record StackManifest(Path file, List<StackDefinition> stacks) {

    public static final Path DEFAULT_LOCATION = Path.of("infra", "stacks.json");

    private static final String NAME = "[a-z][a-z0-9-]{0,62}";

    public StackManifest {
        stacks = List.copyOf(stacks);
    }

    public static StackManifest read(Path file) {
        JsonNode root = JsonFiles.readJson(file);
        List<Problem> problems = new ArrayList<>();
        List<StackDefinition> stacks = new ArrayList<>();
        Set<String> names = new HashSet<>();
        JsonNode entries = root.path("stacks");
        if (!entries.isArray() || entries.isEmpty()) {
            problems.add(new Problem(file, "stacks", "expected a non-empty list of stacks"));
        }
        for (int i = 0; i < entries.size(); i++) {
            String where = "stacks[" + i + "]";
            JsonNode entry = entries.get(i);
            String name = entry.path("name").asString("");
            String template = entry.path("template").asString("");
            if (!name.matches(NAME)) {
                problems.add(new Problem(file, where + ".name", "'" + name + "' is not a stack name (" + NAME + ")"));
            } else if (!names.add(name)) {
                problems.add(new Problem(file, where + ".name", "'" + name + "' appears twice"));
            }
            Path templatePath = file.toAbsolutePath().getParent().resolve(template).normalize();
            if (template.isEmpty() || !Files.isRegularFile(templatePath)) {
                problems.add(new Problem(file, where + ".template", "no template at '" + template + "'"));
            }
            Map<String, String> fixed = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> parameter : entry.path("parameters").properties()) {
                ParameterValues.text(parameter.getValue()).ifPresentOrElse(
                        value -> fixed.put(parameter.getKey(), value),
                        () -> problems.add(new Problem(file, where + ".parameters." + parameter.getKey(),
                                "expected a string, number, boolean or list of strings")));
            }
            stacks.add(new StackDefinition(name, templatePath, fixed));
        }
        if (!problems.isEmpty()) {
            throw new InfraConfigException(problems);
        }
        return new StackManifest(file, stacks);
    }

    public Optional<StackDefinition> stack(String name) {
        return stacks.stream().filter(stack -> stack.name().equals(name)).findFirst();
    }
}
