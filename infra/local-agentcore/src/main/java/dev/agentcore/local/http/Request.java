package dev.agentcore.local.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.sun.net.httpserver.HttpExchange;

/**
 * One request as a handler sees it: the matched route's path labels (percent-decoded), the query, the headers and
 * the body. {@link #exchange()} is there for handlers that stream.
 */
public final class Request {

    private final HttpExchange exchange;
    private final Map<String, String> pathLabels;
    private final Map<String, List<String>> query;
    private byte[] body;

    /** A request with no path labels, for a handler that serves every path itself (the AWS gateway). */
    public static Request of(HttpExchange exchange) {
        return new Request(exchange, Map.of());
    }

    Request(HttpExchange exchange, Map<String, String> pathLabels) {
        this.exchange = exchange;
        this.pathLabels = Map.copyOf(pathLabels);
        this.query = parseQuery(exchange.getRequestURI().getRawQuery());
    }

    public String method() {
        return exchange.getRequestMethod();
    }

    /** The path as sent, still percent-encoded. */
    public String rawPath() {
        return exchange.getRequestURI().getRawPath();
    }

    /** The raw query string, or empty. */
    public String rawQuery() {
        String q = exchange.getRequestURI().getRawQuery();
        return q == null ? "" : q;
    }

    /** The value of the route's {@code {label}}, percent-decoded. */
    public String pathLabel(String label) {
        String value = pathLabels.get(label);
        if (value == null) {
            throw new IllegalArgumentException("route has no label {" + label + "}");
        }
        return value;
    }

    public Optional<String> query(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    public Map<String, List<String>> queryParameters() {
        return query;
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(exchange.getRequestHeaders().getFirst(name));
    }

    public Map<String, List<String>> headers() {
        return exchange.getRequestHeaders();
    }

    /** The whole body (read once, then kept). */
    public byte[] body() throws IOException {
        if (body == null) {
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
        }
        return body;
    }

    public HttpExchange exchange() {
        return exchange;
    }

    private static Map<String, List<String>> parseQuery(String raw) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return params;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            params.computeIfAbsent(name, n -> new java.util.ArrayList<>()).add(value);
        }
        params.replaceAll((name, values) -> List.copyOf(values));
        return Map.copyOf(params);
    }

    static String decode(String text) {
        // URLDecoder turns '+' into a space (form encoding); in a URI path or an SDK's query '+' is sent as %2B.
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
