package dev.agentcore.mcp.lean;

import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The SDK's JSON schema validator, made the first time something is validated. Making it loads the networknt
 * validator and parses the draft 2020-12 meta-schema, which is a tenth of a cold start; a server answers
 * {@code initialize} without it, and one without tools never needs it. Every check is the delegate's own.
 */
final class LazySchemaValidator implements JsonSchemaValidator {

    private final Supplier<? extends JsonSchemaValidator> factory;
    private volatile JsonSchemaValidator delegate;

    LazySchemaValidator(Supplier<? extends JsonSchemaValidator> factory) {
        this.factory = Objects.requireNonNull(factory, "factory");
    }

    @Override
    public ValidationResponse validate(Map<String, Object> schema, Object structuredContent) {
        return delegate().validate(schema, structuredContent);
    }

    @Override
    public ValidationResponse validateSchema(Map<String, Object> schema) {
        return delegate().validateSchema(schema);
    }

    /** Whether the delegate has been made (for tests). */
    boolean made() {
        return delegate != null;
    }

    private JsonSchemaValidator delegate() {
        JsonSchemaValidator made = delegate;
        if (made == null) {
            synchronized (this) {
                made = delegate;
                if (made == null) {
                    made = Objects.requireNonNull(factory.get(), "schema validator");
                    delegate = made;
                }
            }
        }
        return made;
    }
}
