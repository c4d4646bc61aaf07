package dev.agentcore.local.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import dev.agentcore.local.http.Request;

/**
 * What SigV4 covers in a request, as it arrived: the method, the path and query still percent-encoded, the headers and
 * the body (read only when a signature is recomputed).
 */
record SignedMessage(String method, String rawPath, String rawQuery, Map<String, List<String>> headers,
                     Supplier<byte[]> bodySupplier) {

    static SignedMessage of(Request request) {
        return new SignedMessage(request.method(), request.rawPath(), request.rawQuery(), request.headers(), () -> {
            try {
                return request.body();
            } catch (IOException e) {
                throw new UncheckedIOException("reading the request body to check its signature", e);
            }
        });
    }

    byte[] body() {
        return bodySupplier.get();
    }

    /** The first value of the header {@code name}, whatever its case. */
    Optional<String> header(String name) {
        List<String> values = CanonicalRequest.valuesOf(headers, name.toLowerCase(java.util.Locale.ROOT));
        return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** The first value of the query parameter {@code name}, percent-decoded. */
    Optional<String> query(String name) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return Optional.empty();
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String key = new String(CanonicalRequest.decode(eq < 0 ? pair : pair.substring(0, eq)),
                    java.nio.charset.StandardCharsets.UTF_8);
            if (key.equals(name)) {
                return Optional.of(eq < 0 ? "" : new String(CanonicalRequest.decode(pair.substring(eq + 1)),
                        java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        return Optional.empty();
    }
}
