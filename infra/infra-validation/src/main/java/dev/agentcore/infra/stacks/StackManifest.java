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
 * outputs of the stacks before it. Template paths are relative to the manifest's directory. An entry with
 * {@code "forEach": "runtime"} (or {@code "endpoint"}) stands for one stack per runtime (or per named endpoint) of the
 * runtimes manifest that {@code "runtimes"} points at; {@link DeployPlan} expands it.
 *
 * @param runtimes the runtimes manifest ({@code runtimes.json}), when the order has per-runtime stacks
 */
public record StackManifest(Path file, List<StackDefinition> stacks, Optional<Path> runtimes) {

    public static final Path DEFAULT_LOCATION = Path.of("infra", "stacks.json");

    private static final String NAME = "[a-z][a-z0-9-]{0,62}";

    public StackManifest {
        stacks = List.copyOf(stacks);
    }

    public StackManifest(Path file, List<StackDefinition> stacks) {
        this(file, stacks, Optional.empty());
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
            StackScope scope = StackScope.SHARED;
            if (entry.has("forEach")) {
                String forEach = entry.path("forEach").asString("");
                scope = StackScope.forEach(forEach).orElse(null);
                if (scope == null) {
                    problems.add(new Problem(file, where + ".forEach", "'" + forEach + "': expected runtime or endpoint"));
                    scope = StackScope.SHARED;
                }
            }
            stacks.add(new StackDefinition(name, templatePath, fixed, name, scope, Optional.empty(), Optional.empty()));
        }
        Optional<Path> runtimes = Optional.empty();
        if (root.has("runtimes")) {
            String relative = root.path("runtimes").asString("");
            Path runtimesFile = file.toAbsolutePath().getParent().resolve(relative).normalize();
            if (relative.isEmpty() || !Files.isRegularFile(runtimesFile)) {
                problems.add(new Problem(file, "runtimes", "no runtimes manifest at '" + relative + "'"));
            }
            runtimes = Optional.of(runtimesFile);
        } else if (stacks.stream().anyMatch(stack -> stack.scope() != StackScope.SHARED)) {
            problems.add(new Problem(file, "runtimes", "stacks with forEach need the runtimes manifest"
                    + " (\"runtimes\": \"../runtimes.json\")"));
        }
        if (!problems.isEmpty()) {
            throw new InfraConfigException(problems);
        }
        return new StackManifest(file, stacks, runtimes);
    }

    public Optional<StackDefinition> stack(String name) {
        return stacks.stream().filter(stack -> stack.name().equals(name)).findFirst();
    }
}
