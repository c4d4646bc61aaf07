package dev.agentcore.local.runner;

/** How a session's image runs. */
public enum RunnerKind {
    /** The image's application folder and java command on the host's JDK, as a process: no container engine. */
    HOST_JDK_PROCESS
}
