package dev.agentcore.local.runner;

/** One microVM: a session of one version of one runtime. */
public record SessionKey(String runtimeId, String version, String sessionId) {

    public SessionKey {
        if (runtimeId == null || runtimeId.isBlank() || version == null || version.isBlank() || sessionId == null
                || sessionId.isBlank()) {
            throw new IllegalArgumentException("runtimeId, version and sessionId are required");
        }
    }

    /** A file-name-safe label, such as {@code hello-abc1234567-v1-<session>}. */
    String label() {
        return safe(runtimeId) + "-v" + safe(version) + "-" + safe(sessionId);
    }

    private static String safe(String text) {
        String cleaned = text.replaceAll("[^A-Za-z0-9._-]", "_");
        return cleaned.startsWith(".") ? "_" + cleaned.substring(1) : cleaned;
    }
}
