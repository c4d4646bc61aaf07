package dev.agentcore.local.runner;

import java.util.Map;

/**
 * Which runner serves sessions and why, for the launcher's banner: the project runs sessions without a container
 * engine, and says so whether or not one is here, never silently.
 */
public record SessionRunnerReport(RunnerKind runner, DockerEngine engine) {

    /** Detects a Docker engine in this environment; sessions run as {@link RunnerKind#HOST_JDK_PROCESS} either way. */
    public static SessionRunnerReport detect(RunnerKind runner, Map<String, String> environment) {
        return new SessionRunnerReport(runner, DockerEngine.detect(environment));
    }

    /** One line: "sessions: host-JDK processes (no Docker engine: ...)" or "... (Docker engine found at X; ...)". */
    public String line() {
        String used = switch (runner) {
            case HOST_JDK_PROCESS -> "host-JDK processes";
        };
        return switch (engine) {
            case DockerEngine.NotFound absent -> "sessions: " + used + " (no Docker engine: " + absent.why() + ")";
            case DockerEngine.Answering found -> "sessions: " + used + " (Docker engine found at " + found.endpoint()
                    + "; sessions still run as " + used + ": the local AgentCore has no Docker runner, each session"
                    + " runs its image's java command on the host's JDK)";
        };
    }
}
