package dev.agentcore.runtime.core;

import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.util.MinimalPrettyPrinter;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON byte for byte as the Python reference writes it. Results and SSE events go through
 * {@code json.dumps(obj, ensure_ascii=False)}, which separates with {@code ", "} and {@code ": "}; errors go through
 * Starlette's {@code JSONResponse}, which is compact. Created on the first invocation, not at start: Jackson's
 * start-up is most of what a first request costs, and {@code /ping} must answer before it.
 */
final class WireJson {

    private final JsonMapper mapper;
    private final ObjectWriter spaced;
    private final ObjectWriter compact;

    WireJson(JsonMapper mapper) {
        this.mapper = mapper;
        this.spaced = mapper.writer().with(new PythonDumpsPrinter());
        this.compact = mapper.writer();
    }

    JsonMapper mapper() {
        return mapper;
    }

    /** A result or stream element: the value, else its {@code toString()} as a string, else a failure object. */
    String result(Object value) {
        try {
            return spaced.writeValueAsString(value);
        } catch (JacksonException e) {
            try {
                return spaced.writeValueAsString(String.valueOf(value));
            } catch (RuntimeException again) {
                Map<String, Object> failure = new LinkedHashMap<>();
                failure.put("error", "Serialization failed");
                failure.put("original_type", value.getClass().getSimpleName());
                return spaced.writeValueAsString(failure);
            }
        }
    }

    String compact(Object value) {
        return compact.writeValueAsString(value);
    }

    /** {@code json.dumps} defaults: item separator {@code ", "}, key separator {@code ": "}, one line. */
    private static final class PythonDumpsPrinter extends MinimalPrettyPrinter {
        @Override
        public void writeObjectNameValueSeparator(JsonGenerator g) {
            g.writeRaw(": ");
        }

        @Override
        public void writeObjectEntrySeparator(JsonGenerator g) {
            g.writeRaw(", ");
        }

        @Override
        public void writeArrayValueSeparator(JsonGenerator g) {
            g.writeRaw(", ");
        }
    }
}
