package dev.agentcore.runtime.invocation;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.util.MinimalPrettyPrinter;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.ObjectWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes JSON byte for byte as the Python reference does, so clients see the same bodies from either.
 *
 * <p>Results and SSE events go through {@code json.dumps(obj, ensure_ascii=False)}, which separates with
 * {@code ", "} and {@code ": "}; errors and {@code /ping} go through Starlette's {@code JSONResponse},
 * which is compact. Both keep non-ASCII characters as UTF-8.
 */
final class WireJson {

    private final ObjectWriter spaced;
    private final ObjectWriter compact;

    WireJson(ObjectMapper mapper) {
        this.spaced = mapper.writer().with(new PythonDumpsPrinter());
        this.compact = mapper.writer();
    }

    /**
     * A handler result or stream element, with the reference's fallbacks: the object itself, else its
     * {@code toString()} as a JSON string, else a {@code Serialization failed} object.
     */
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

    /** Error bodies and {@code /ping}: compact, as {@code JSONResponse} writes them. */
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
