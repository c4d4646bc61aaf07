package dev.agentcore.agent.tool;

import com.github.victools.jsonschema.generator.FieldScope;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaBuilder;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Derives a tool's input JSON Schema from its method's parameters with the victools generator: an object
 * with one property per parameter. Records, enums, lists and optionals are described by the library;
 * {@link ToolParam} adds descriptions and decides what is required.
 */
final class ToolSchemaGenerator {

    private final SchemaGenerator generator;

    ToolSchemaGenerator(JsonMapper mapper) {
        SchemaGeneratorConfigBuilder config = new SchemaGeneratorConfigBuilder(mapper, SchemaVersion.DRAFT_2020_12,
                OptionPreset.PLAIN_JSON)
                .with(Option.FLATTENED_ENUMS, Option.FLATTENED_OPTIONALS)
                .without(Option.SCHEMA_VERSION_INDICATOR);
        config.forFields()
                .withDescriptionResolver(field -> description(field.getAnnotationConsideringFieldAndGetter(ToolParam.class)))
                .withRequiredCheck(ToolSchemaGenerator::isRequired);
        this.generator = new SchemaGenerator(config.build());
    }

    /** The input schema for {@code method}; parameter names must be known (compiled with -parameters). */
    synchronized ObjectNode inputSchema(Method method) {
        SchemaBuilder definitions = generator.buildMultipleSchemaDefinitions();
        Map<String, ObjectNode> properties = new LinkedHashMap<>();
        for (Parameter parameter : method.getParameters()) {
            properties.put(parameter.getName(), definitions.createSchemaReference(valueType(parameter)));
        }
        ObjectNode defs = definitions.collectDefinitions("$defs");

        ObjectNode schema = JsonMapper.shared().createObjectNode().put("type", "object");
        ObjectNode props = schema.putObject("properties");
        ArrayNode required = JsonMapper.shared().createArrayNode();
        for (Parameter parameter : method.getParameters()) {
            ObjectNode property = properties.get(parameter.getName());
            ToolParam annotation = parameter.getAnnotation(ToolParam.class);
            String description = description(annotation);
            if (description != null) {
                property.put("description", description);
            }
            props.set(parameter.getName(), property);
            if (isRequired(parameter)) {
                required.add(parameter.getName());
            }
        }
        if (!required.isEmpty()) {
            schema.set("required", required);
        }
        if (!defs.isEmpty()) {
            schema.set("$defs", defs);
        }
        collapseNullable(schema);
        return schema;
    }

    /**
     * As Strands does: an optional value is left out rather than sent as null, so {@code "type":["string","null"]}
     * becomes {@code "type":"string"}; simpler schemas suit more models.
     */
    private static void collapseNullable(JsonNode node) {
        if (node instanceof ObjectNode object && object.get("type") instanceof ArrayNode types && types.size() == 2) {
            for (JsonNode type : types) {
                if (!type.asString().equals("null") && types.valueStream().anyMatch(t -> t.asString().equals("null"))) {
                    object.put("type", type.asString());
                    break;
                }
            }
        }
        for (JsonNode child : node) {
            collapseNullable(child);
        }
    }

    /** The parameter's type, or T for an {@code Optional<T>}: the generator flattens optionals only in members. */
    private static Type valueType(Parameter parameter) {
        if (parameter.getType() == Optional.class && parameter.getParameterizedType() instanceof ParameterizedType optional) {
            return optional.getActualTypeArguments()[0];
        }
        return parameter.getParameterizedType();
    }

    static boolean isRequired(Parameter parameter) {
        ToolParam annotation = parameter.getAnnotation(ToolParam.class);
        return parameter.getType() != Optional.class && (annotation == null || annotation.required());
    }

    /** Record components are required like parameters; other classes' fields only when annotated. */
    private static boolean isRequired(FieldScope field) {
        if (field.getType().getErasedType() == Optional.class || field.isFakeContainerItemScope()) {
            return false;
        }
        ToolParam annotation = field.getAnnotationConsideringFieldAndGetter(ToolParam.class);
        if (annotation != null) {
            return annotation.required();
        }
        return field.getDeclaringType().getErasedType().isRecord();
    }

    private static String description(ToolParam annotation) {
        return annotation == null || annotation.description().isBlank() ? null : annotation.description();
    }
}
