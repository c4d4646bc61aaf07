package dev.agentcore.client.http;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Shows secrets by their first characters only, so a report can be pasted into a ticket. */
public final class Redaction {

    private static final int SHOWN = 8;
    private static final Set<String> SECRET_HEADERS =
            Set.of("authorization", "x-amz-security-token", "workloadaccesstoken", "cookie", "set-cookie");
    // Custom headers (X-Amzn-Bedrock-AgentCore-Runtime-Custom-*) carry whatever the caller forwards to the agent;
    // those named like a credential are hidden as well.
    private static final String CUSTOM_PREFIX = "x-amzn-bedrock-agentcore-runtime-custom-";
    private static final Pattern SECRET_NAME =
            Pattern.compile("auth|token|secret|password|passwd|api-?key|cookie|credential|signature");
    private static final Pattern SIGV4 = Pattern.compile("Credential=([A-Z0-9]{4})[A-Z0-9]*/|Signature=([0-9a-f]{6})[0-9a-f]*");

    private Redaction() {
    }

    /** {@code eyJraWQi…(812 chars)}; short values are hidden completely. */
    public static String secret(String value) {
        if (value == null || value.isEmpty()) {
            return "(empty)";
        }
        if (value.length() <= 2 * SHOWN) {
            return "…(" + value.length() + " chars)";
        }
        return value.substring(0, SHOWN) + "…(" + value.length() + " chars)";
    }

    /** A header value as it may be printed: tokens, signatures and session tokens cut to their first characters. */
    public static String headerValue(String name, String value) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (!isSecret(lower)) {
            return value;
        }
        if (value.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return "Bearer " + secret(value.substring(7).strip());
        }
        if (value.regionMatches(true, 0, "Basic ", 0, 6)) {
            return "Basic " + secret(value.substring(6).strip());
        }
        if (lower.equals("authorization") && value.startsWith("AWS4-HMAC-SHA256")) {
            return sigV4(value);
        }
        return secret(value);
    }

    private static boolean isSecret(String lowerName) {
        return SECRET_HEADERS.contains(lowerName)
                || lowerName.startsWith(CUSTOM_PREFIX) && SECRET_NAME.matcher(lowerName.substring(CUSTOM_PREFIX.length())).find();
    }

    private static String sigV4(String value) {
        Matcher m = SIGV4.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement = m.group(1) != null ? "Credential=" + m.group(1) + "…/" : "Signature=" + m.group(2) + "…";
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }
}
