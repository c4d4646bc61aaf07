package dev.agentcore.agent.tool;

import dev.agentcore.agent.model.ContentBlock;
import dev.agentcore.agent.model.ToolSpec;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The tools an agent offers, by name. Built from objects with {@link Tool} methods, classes with static
 * {@link Tool} methods, or {@link AgentTool}s. Immutable and safe to share.
 */
public final class ToolRegistry {

    private static final ToolRegistry EMPTY = new ToolRegistry(Map.of());

    private final Map<String, AgentTool> tools;

    private ToolRegistry(Map<String, AgentTool> tools) {
        this.tools = Collections.unmodifiableMap(tools);
    }

    public static ToolRegistry empty() {
        return EMPTY;
    }

    /**
     * Registers every tool found in {@code sources}: an {@link AgentTool} as it is, a {@link Class} by its
     * static {@link Tool} methods, any other object by its {@link Tool} methods.
     *
     * @throws IllegalArgumentException when a source has no tools, two tools share a name, or a tool
     *     method cannot be described (the message names the method)
     */
    public static ToolRegistry of(Object... sources) {
        return EMPTY.with(sources);
    }

    /** A registry with the tools of this one and those found in {@code sources}. */
    public ToolRegistry with(Object... sources) {
        JsonMapper mapper = JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                // the schema lists enum constants by name; models are not always careful with case
                .disable(EnumFeature.READ_ENUMS_USING_TO_STRING)
                .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
                .build();
        ToolSchemaGenerator schemas = new ToolSchemaGenerator(mapper);
        Map<String, AgentTool> all = new LinkedHashMap<>(tools);
        for (Object source : sources) {
            for (AgentTool tool : toolsOf(source, schemas, mapper)) {
                AgentTool previous = all.putIfAbsent(tool.spec().name(), tool);
                if (previous != null) {
                    throw new IllegalArgumentException("Two tools are named '" + tool.spec().name()
                            + "'; give one a different @Tool(name)");
                }
            }
        }
        return new ToolRegistry(all);
    }

    public List<ToolSpec> specs() {
        return tools.values().stream().map(AgentTool::spec).toList();
    }

    public Set<String> names() {
        return tools.keySet();
    }

    public Optional<AgentTool> find(String name) {
        return Optional.ofNullable(tools.get(name));
    }

    public boolean isEmpty() {
        return tools.isEmpty();
    }

    /**
     * Runs the tool the model asked for. Never throws: an unknown tool, bad input or an exception from the
     * tool becomes an error result, worded as Strands does, so the model can correct itself.
     */
    public ContentBlock.ToolResult run(ContentBlock.ToolUse use) {
        AgentTool tool = tools.get(use.name());
        if (tool == null) {
            return ContentBlock.ToolResult.error(use.toolUseId(), "Error: unknown tool '" + use.name()
                    + "'; available tools: " + String.join(", ", tools.keySet()));
        }
        try {
            return ContentBlock.ToolResult.success(use.toolUseId(), tool.call(use.input()));
        } catch (IllegalArgumentException e) {
            return ContentBlock.ToolResult.error(use.toolUseId(), "Error: " + e.getMessage());
        } catch (Exception e) {
            return ContentBlock.ToolResult.error(use.toolUseId(),
                    "Error: " + e.getClass().getSimpleName() + " - " + e.getMessage());
        }
    }

    private static List<AgentTool> toolsOf(Object source, ToolSchemaGenerator schemas, JsonMapper mapper) {
        if (source instanceof AgentTool tool) {
            return List.of(tool);
        }
        boolean staticOnly = source instanceof Class<?>;
        Class<?> type = staticOnly ? (Class<?>) source : source.getClass();
        List<AgentTool> found = new ArrayList<>();
        for (Method method : toolMethods(type)) {
            boolean isStatic = Modifier.isStatic(method.getModifiers());
            if (staticOnly && !isStatic) {
                throw new IllegalArgumentException("Tool method " + type.getName() + "#" + method.getName()
                        + " is not static; pass an instance of " + type.getSimpleName() + " instead of the class");
            }
            found.add(new MethodTool(isStatic ? null : source, method, schemas, mapper));
        }
        if (found.isEmpty()) {
            throw new IllegalArgumentException(type.getName() + " has no @Tool methods and is not an AgentTool");
        }
        return found;
    }

    /** Public methods, inherited ones included, and the class's own non-public ones, in a stable order. */
    private static List<Method> toolMethods(Class<?> type) {
        Set<Method> methods = new LinkedHashSet<>();
        for (Method method : type.getMethods()) {
            if (method.isAnnotationPresent(Tool.class)) {
                methods.add(method);
            }
        }
        for (Method method : type.getDeclaredMethods()) {
            if (method.isAnnotationPresent(Tool.class) && !method.isBridge()) {
                methods.add(method);
            }
        }
        List<Method> sorted = new ArrayList<>(methods);
        sorted.sort(Comparator.comparing(Method::getName));
        return sorted;
    }

    @Override
    public String toString() {
        return "ToolRegistry" + tools.keySet();
    }
}
