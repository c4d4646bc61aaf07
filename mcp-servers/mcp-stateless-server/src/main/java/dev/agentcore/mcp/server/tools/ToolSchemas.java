package dev.agentcore.mcp.server.tools;

import java.lang.reflect.Type;
import java.util.Map;

import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import com.github.victools.jsonschema.module.jackson.JacksonModule;
import com.github.victools.jsonschema.module.jackson.JacksonOption;
import com.github.victools.jsonschema.module.jakarta.validation.JakartaValidationModule;
import com.github.victools.jsonschema.module.jakarta.validation.JakartaValidationOption;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;

/**
 * JSON Schemas (draft 2020-12, MCP's default dialect) for tool input and output records. Descriptions come from
 * {@code @JsonPropertyDescription} and {@code @JsonClassDescription}, bounds from jakarta.validation annotations
 * ({@code @NotNull} = required, {@code @DecimalMin}, {@code @Size}, ...); primitive components are required too.
 * Objects allow no other properties, so a misspelt argument is an error, not silently ignored.
 */
public final class ToolSchemas {

    private static final TypeRef<Map<String, Object>> MAP = new TypeRef<>() {
    };

    private final SchemaGenerator generator;
    private final McpJsonMapper json;

    public ToolSchemas(McpJsonMapper json) {
        this.json = json;
        SchemaGeneratorConfigBuilder config = new SchemaGeneratorConfigBuilder(SchemaVersion.DRAFT_2020_12,
                OptionPreset.PLAIN_JSON)
                .with(new JacksonModule(JacksonOption.RESPECT_JSONPROPERTY_REQUIRED,
                        JacksonOption.FLATTENED_ENUMS_FROM_JSONPROPERTY))
                .with(new JakartaValidationModule(JakartaValidationOption.NOT_NULLABLE_FIELD_IS_REQUIRED,
                        JakartaValidationOption.INCLUDE_PATTERN_EXPRESSIONS))
                .with(Option.FORBIDDEN_ADDITIONAL_PROPERTIES_BY_DEFAULT);
        config.forFields().withRequiredCheck(field -> field.getType() != null && field.getType().isPrimitive());
        this.generator = new SchemaGenerator(config.build());
    }

    /** The schema of a record (or any other bean type) as the map MCP's {@code Tool} carries. */
    public Map<String, Object> of(Type type) {
        return json.convertValue(generator.generateSchema(type), MAP);
    }
}
