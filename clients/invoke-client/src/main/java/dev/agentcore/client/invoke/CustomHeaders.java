package dev.agentcore.client.invoke;

import java.util.LinkedHashMap;
import java.util.Map;

/** Custom headers that AgentCore passes to the container: they must carry the Runtime-Custom prefix. */
public final class CustomHeaders {

    public static final String PREFIX = "X-Amzn-Bedrock-AgentCore-Runtime-Custom-";

    private CustomHeaders() {
    }

    /** Adds the prefix where it is missing: {@code Tenant} becomes {@code X-Amzn-Bedrock-AgentCore-Runtime-Custom-Tenant}. */
    public static Map<String, String> normalize(Map<String, String> headers) {
        Map<String, String> out = new LinkedHashMap<>();
        headers.forEach((name, value) -> {
            String suffix = name.regionMatches(true, 0, PREFIX, 0, PREFIX.length()) ? name.substring(PREFIX.length()) : name;
            if (!suffix.matches("[a-zA-Z0-9_-]+")) {
                throw new IllegalArgumentException("custom header name '" + name
                        + "' may only use letters, digits, '_' and '-' after the prefix " + PREFIX);
            }
            if (value.length() > 4096) {
                throw new IllegalArgumentException("custom header " + name + " is longer than 4 KB");
            }
            out.put(PREFIX + suffix, value);
        });
        return out;
    }
}
