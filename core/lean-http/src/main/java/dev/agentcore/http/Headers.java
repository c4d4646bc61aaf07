package dev.agentcore.http;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Request headers in arrival order, looked up case-insensitively. */
public final class Headers {

    /** One header line as the client sent it. */
    public record Header(String name, String value) {
    }

    private final List<Header> all = new ArrayList<>();

    void add(String name, String value) {
        all.add(new Header(name, value));
    }

    /** Every header line, in arrival order. */
    public List<Header> all() {
        return Collections.unmodifiableList(all);
    }

    /** The first value of a header, if present. */
    public Optional<String> first(String name) {
        for (Header header : all) {
            if (header.name().equalsIgnoreCase(name)) {
                return Optional.of(header.value());
            }
        }
        return Optional.empty();
    }

    /** The first value, or {@code null}. */
    public String get(String name) {
        return first(name).orElse(null);
    }

    public List<String> values(String name) {
        List<String> values = new ArrayList<>();
        for (Header header : all) {
            if (header.name().equalsIgnoreCase(name)) {
                values.add(header.value());
            }
        }
        return values;
    }

    /** Whether a comma-separated header (Connection, Upgrade) lists a token, ignoring case. */
    public boolean hasToken(String name, String token) {
        for (String value : values(name)) {
            for (String part : value.split(",")) {
                if (part.trim().toLowerCase(Locale.ROOT).equals(token.toLowerCase(Locale.ROOT))) {
                    return true;
                }
            }
        }
        return false;
    }
}
