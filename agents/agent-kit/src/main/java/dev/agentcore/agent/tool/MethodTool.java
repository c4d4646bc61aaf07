package dev.agentcore.agent.tool;

import dev.agentcore.agent.model.ToolResultContent;
import dev.agentcore.agent.model.ToolSpec;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A {@link Tool}-annotated method on an object (or a static method on a class) run as an {@link AgentTool}. */
final class MethodTool implements AgentTool {

    private static final Pattern VALID_NAME = Pattern.compile("[a-zA-Z0-9_-]{1,64}");

    private final Object target;
    private final Method method;
    private final ToolSpec spec;
    private final JavaType[] parameterTypes;
    private final JsonMapper mapper;

    MethodTool(Object target, Method method, ToolSchemaGenerator schemas, JsonMapper mapper) {
        this.target = target;
        this.method = method;
        this.mapper = mapper;
        Tool tool = method.getAnnotation(Tool.class);
        String name = tool.name().isEmpty() ? method.getName() : tool.name();
        if (!VALID_NAME.matcher(name).matches()) {
            throw definitionError("tool name '" + name + "' must be 1-64 letters, digits, '_' or '-'");
        }
        if (tool.description().isBlank()) {
            throw definitionError("@Tool(description) must say what the tool does");
        }
        Parameter[] parameters = method.getParameters();
        this.parameterTypes = new JavaType[parameters.length];
        for (int i = 0; i < parameters.length; i++) {
            checkParameter(parameters[i]);
            parameterTypes[i] = mapper.getTypeFactory().constructType(parameters[i].getParameterizedType());
        }
        try {
            method.setAccessible(true);
        } catch (RuntimeException e) {
            throw definitionError("cannot be called reflectively (" + e.getMessage() + "); make it public");
        }
        this.spec = new ToolSpec(name, tool.description().strip(), schemas.inputSchema(method));
    }

    @Override
    public ToolSpec spec() {
        return spec;
    }

    @Override
    public List<ToolResultContent> call(JsonNode input) throws Exception {
        Object[] arguments = bind(input);
        Object result;
        try {
            result = method.invoke(target, arguments);
        } catch (InvocationTargetException e) {
            switch (e.getCause()) {
                case Exception cause -> throw cause;
                case Error error -> throw error;
                default -> throw e;
            }
        }
        return List.of(toContent(result));
    }

    private Object[] bind(JsonNode input) {
        if (input == null || !input.isObject()) {
            throw new IllegalArgumentException("the input of tool '" + spec.name() + "' must be a JSON object");
        }
        Parameter[] parameters = method.getParameters();
        Object[] arguments = new Object[parameters.length];
        for (int i = 0; i < parameters.length; i++) {
            String name = parameters[i].getName();
            JsonNode value = input.get(name);
            boolean optional = parameters[i].getType() == Optional.class;
            if (value == null || value.isNull()) {
                if (ToolSchemaGenerator.isRequired(parameters[i])) {
                    throw new IllegalArgumentException("missing required parameter '" + name + "'");
                }
                arguments[i] = optional ? Optional.empty() : null;
                continue;
            }
            try {
                arguments[i] = mapper.treeToValue(value, parameterTypes[i]);
            } catch (JacksonException e) {
                throw new IllegalArgumentException("parameter '" + name + "' does not fit "
                        + parameterTypes[i].toCanonical() + ": " + e.getOriginalMessage(), e);
            }
        }
        return arguments;
    }

    private ToolResultContent toContent(Object result) {
        if (result == null) {
            return new ToolResultContent.Text(method.getReturnType() == void.class ? "done" : "null");
        }
        if (result instanceof ToolResultContent content) {
            return content;
        }
        if (result instanceof CharSequence text) {
            return new ToolResultContent.Text(text.toString());
        }
        return new ToolResultContent.Json(mapper.valueToTree(result));
    }

    private void checkParameter(Parameter parameter) {
        if (!parameter.isNamePresent()) {
            throw definitionError("parameter names are unknown; compile with -parameters "
                    + "(maven-compiler-plugin <parameters>true</parameters>)");
        }
        if (parameter.getType().isPrimitive() && !ToolSchemaGenerator.isRequired(parameter)) {
            throw definitionError("optional parameter '" + parameter.getName() + "' cannot be the primitive "
                    + parameter.getType() + "; use its wrapper type or Optional");
        }
    }

    private IllegalArgumentException definitionError(String problem) {
        return new IllegalArgumentException("Tool method " + method.getDeclaringClass().getName() + "#"
                + method.getName() + ": " + problem);
    }
}
