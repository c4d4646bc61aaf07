package dev.agentcore.local.control.wire;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import dev.agentcore.local.http.AwsError;

/**
 * {@code maxResults}/{@code nextToken} paging over a list sorted by a key. The token names the first item of the
 * next page by its key (opaque to clients), so items created or deleted between two calls shift no page.
 */
final class Paging {

    /** When a request sets no {@code maxResults}: a small page, so clients that do not page find out locally. */
    static final int DEFAULT_PAGE_SIZE = 10;
    private static final String PREFIX = "lac1:";

    record Page<T>(List<T> items, Optional<String> nextToken) {
    }

    private Paging() {
    }

    static <T> Page<T> page(List<T> sorted, Function<T, String> key, Integer maxResults, String nextToken) {
        int size = maxResults == null ? DEFAULT_PAGE_SIZE : maxResults;
        int start = 0;
        if (nextToken != null) {
            String from = decode(nextToken);
            while (start < sorted.size() && key.apply(sorted.get(start)).compareTo(from) < 0) {
                start++;
            }
        }
        int end = Math.min(sorted.size(), start + size);
        Optional<String> next = end < sorted.size() ? Optional.of(encode(key.apply(sorted.get(end)))) : Optional.empty();
        return new Page<>(sorted.subList(start, end), next);
    }

    /** Versions sort as numbers: the key pads them. */
    static String versionKey(int version) {
        return String.format(java.util.Locale.ROOT, "%05d", version);
    }

    private static String encode(String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((PREFIX + key).getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String token) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (text.startsWith(PREFIX)) {
                return text.substring(PREFIX.length());
            }
        } catch (IllegalArgumentException e) {
            // fall through: not one of ours
        }
        // Local wording: AWS's text for a token it did not issue is not recorded.
        throw AwsError.of(400, "ValidationException", "Invalid nextToken: it was not returned by a previous call of"
                + " this operation.").with("reason", "FieldValidationFailed").exception();
    }
}
