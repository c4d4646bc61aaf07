package dev.agentcore.local.runner;

import java.time.Duration;

/**
 * Why a session could not be run. Sealed so that the data plane maps each case to the service's own answer (status,
 * error type, text) with an exhaustive switch; the messages are one line and never hold credentials.
 */
public abstract sealed class RunnerException extends RuntimeException
        permits RunnerException.ArchitectureIncompatible, RunnerException.ImageUnavailable,
        RunnerException.UnsafeLayerEntry, RunnerException.UnsupportedEntrypoint, RunnerException.NoHostJdk,
        RunnerException.InitializationTimeout, RunnerException.ExitedEarly, RunnerException.SessionLimitReached,
        RunnerException.StartFailed {

    RunnerException(String message) {
        super(message);
    }

    RunnerException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The image is not arm64: the text is the service's ValidationException message. */
    public static final class ArchitectureIncompatible extends RunnerException {
        private final String architecture;

        ArchitectureIncompatible(String containerUri, String architecture) {
            super("Architecture incompatible for uri '" + containerUri + "'. Supported architectures: [arm64]");
            this.architecture = architecture;
        }

        /** What the image's config says, such as {@code amd64}; empty when it says nothing. */
        public String architecture() {
            return architecture;
        }
    }

    /** No image is known for the URI, or its archive cannot be read as a Docker or OCI image. */
    public static final class ImageUnavailable extends RunnerException {
        ImageUnavailable(String message) {
            super(message);
        }

        ImageUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** A layer entry that would land outside the extraction folder (path traversal, or a link pointing out). */
    public static final class UnsafeLayerEntry extends RunnerException {
        UnsafeLayerEntry(String layer, String entry, String why) {
            super("refused image layer " + layer + ": entry '" + entry + "' " + why);
        }
    }

    /** The image's entry point is not a {@code java} command, so it cannot run on the host's JDK. */
    public static final class UnsupportedEntrypoint extends RunnerException {
        UnsupportedEntrypoint(String message) {
            super(message);
        }
    }

    /** No JDK 21 or newer on this host. */
    public static final class NoHostJdk extends RunnerException {
        NoHostJdk(String message) {
            super(message);
        }
    }

    /**
     * The process did not answer its health check in time (AgentCore's initialization limit); the data plane answers
     * "Runtime initialization time exceeded...".
     */
    public static final class InitializationTimeout extends RunnerException {
        private final Duration limit;
        private final String logTail;

        InitializationTimeout(String sessionLabel, Duration limit, String logTail) {
            super("session " + sessionLabel + " did not become healthy within " + limit.toSeconds() + " s");
            this.limit = limit;
            this.logTail = logTail;
        }

        public Duration limit() {
            return limit;
        }

        /** The last lines of the session's log, for the caller's diagnosis. */
        public String logTail() {
            return logTail;
        }
    }

    /** The process exited before it became healthy. */
    public static final class ExitedEarly extends RunnerException {
        private final int exitCode;
        private final String logTail;

        ExitedEarly(String sessionLabel, int exitCode, String logTail) {
            super("session " + sessionLabel + " exited with code " + exitCode + " before it became healthy");
            this.exitCode = exitCode;
            this.logTail = logTail;
        }

        public int exitCode() {
            return exitCode;
        }

        public String logTail() {
            return logTail;
        }
    }

    /** The pool already runs its maximum number of sessions. */
    public static final class SessionLimitReached extends RunnerException {
        SessionLimitReached(int limit) {
            super("the local runner already runs its maximum of " + limit + " concurrent sessions");
        }
    }

    /** The operating system refused to start the process, or an I/O error while preparing it. */
    public static final class StartFailed extends RunnerException {
        StartFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
