package dev.agentcore.deploy.images;

import dev.agentcore.infra.stacks.RuntimeSpec;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A runtime's image as Jib built it: the archive, its content digest, the architecture its config names, and the
 * immutable tag the deploy pushes it under ({@code sha-} and the first 16 hex digits of the digest, so the same
 * content always gets the same tag and a rebuild of unchanged code changes nothing downstream).
 */
public record BuiltImage(RuntimeSpec runtime, Path archive, String digest, String architecture) {

    public static final String REQUIRED_ARCHITECTURE = "arm64";

    public String tag() {
        String hex = digest.startsWith("sha256:") ? digest.substring("sha256:".length()) : digest;
        return "sha-" + hex.substring(0, Math.min(16, hex.length())).toLowerCase(Locale.ROOT);
    }

    public boolean arm64() {
        return REQUIRED_ARCHITECTURE.equals(architecture);
    }
}
