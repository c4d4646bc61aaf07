package dev.agentcore.client.http;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** An error response: status, headers and at most {@link #MAX_BODY} characters of the body. */
public record ResponseView(int status, Map<String, List<String>> headers, String body) {

    public static final int MAX_BODY = 16 * 1024;

    public ResponseView {
        Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> {
            if (name != null && !name.startsWith(":")) {
                copy.put(name, values.stream().map(v -> Redaction.headerValue(name, v)).toList());
            }
        });
        headers = Collections.unmodifiableMap(copy);
        body = body == null ? "" : body.length() > MAX_BODY ? body.substring(0, MAX_BODY) + "…(truncated)" : body;
    }

    public Optional<String> header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.getFirst());
    }
}
