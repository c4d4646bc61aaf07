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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
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
            properties.put(parameter.getName(), definitions.createSchemaReference(parameter.getParameterizedType()));
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
        return schema;
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
