package dev.agentcore.infra.stacks;

import java.util.Locale;
import java.util.Optional;

/** How callers authenticate to a runtime: SigV4 with IAM, or a bearer token checked by a JWT authorizer (Cognito). */
public enum InboundAuth {
    SIGV4, JWT;

    /** The mode named {@code text} (any case), or empty. */
    public static Optional<InboundAuth> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String upper = text.strip().toUpperCase(Locale.ROOT);
        for (InboundAuth auth : values()) {
            if (auth.name().equals(upper)) {
                return Optional.of(auth);
            }
        }
        return Optional.empty();
    }
}
