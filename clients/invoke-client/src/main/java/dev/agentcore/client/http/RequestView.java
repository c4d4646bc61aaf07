package dev.agentcore.client.http;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A request as it went out, with secrets already redacted, for error reports. */
public record RequestView(String method, URI uri, Map<String, List<String>> headers) {

    public RequestView {
        Map<String, List<String>> redacted = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> redacted.put(name,
                values.stream().map(v -> Redaction.headerValue(name, v)).toList()));
        headers = java.util.Collections.unmodifiableMap(redacted);
    }

    /** The URL path with percent-escapes decoded, so the ARN inside can be read. */
    public String decodedPath() {
        String raw = uri.getRawPath() == null ? "" : uri.getRawPath();
        return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
