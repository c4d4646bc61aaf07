package dev.agentcore.iam;

import java.util.Optional;

/**
 * An ARN split into its six colon-separated components; the resource component keeps any further colons.
 * {@code arn:partition:service:region:account:resource}.
 */
public record Arn(String partition, String service, String region, String account, String resource) {

    /** Splits {@code text}; empty when it does not have the {@code arn:} prefix and six components. */
    public static Optional<Arn> parse(String text) {
        if (text == null || !text.startsWith("arn:")) {
            return Optional.empty();
        }
        String[] parts = text.split(":", 6);
        if (parts.length < 6) {
            return Optional.empty();
        }
        return Optional.of(new Arn(parts[1], parts[2], parts[3], parts[4], parts[5]));
    }

    @Override
    public String toString() {
        return "arn:" + partition + ":" + service + ":" + region + ":" + account + ":" + resource;
    }
}
