package dev.agentcore.local.http;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A request URI as the service model writes it ({@code /runtimes/{agentRuntimeId}/runtime-endpoints/}): literal
 * segments and {@code {label}} segments, trailing slash significant. The control plane's URIs all end in '/' and the
 * data plane's do not, which is how both share one port. A label matches one whole segment of the raw path and is
 * percent-decoded after the split, so an encoded ARN ({@code arn%3Aaws%3A...%2F...}) stays one label.
 */
public record PathTemplate(String template, List<String> segments) {

    public PathTemplate {
        segments = List.copyOf(segments);
    }

    public static PathTemplate of(String template) {
        if (!template.startsWith("/")) {
            throw new IllegalArgumentException("a path template starts with '/': " + template);
        }
        return new PathTemplate(template, List.of(template.substring(1).split("/", -1)));
    }

    /** The labels of {@code rawPath} when it matches, else empty. */
    public Optional<Map<String, String>> match(String rawPath) {
        if (rawPath == null || !rawPath.startsWith("/")) {
            return Optional.empty();
        }
        String[] parts = rawPath.substring(1).split("/", -1);
        if (parts.length != segments.size()) {
            return Optional.empty();
        }
        Map<String, String> labels = new LinkedHashMap<>();
        for (int i = 0; i < parts.length; i++) {
            String segment = segments.get(i);
            if (isLabel(segment)) {
                if (parts[i].isEmpty()) {
                    return Optional.empty();
                }
                labels.put(segment.substring(1, segment.length() - 1), Request.decode(parts[i]));
            } else if (!segment.equals(parts[i])) {
                return Optional.empty();
            }
        }
        return Optional.of(labels);
    }

    /** True when both templates match the same paths (labels named differently included). */
    boolean overlaps(PathTemplate other) {
        if (segments.size() != other.segments.size()) {
            return false;
        }
        for (int i = 0; i < segments.size(); i++) {
            String a = segments.get(i);
            String b = other.segments.get(i);
            if (!isLabel(a) && !isLabel(b) && !a.equals(b)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isLabel(String segment) {
        return segment.length() > 2 && segment.startsWith("{") && segment.endsWith("}");
    }

    @Override
    public String toString() {
        return template;
    }
}
