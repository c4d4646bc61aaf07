package dev.agentcore.mcp.testing;

import java.util.List;

/** How an external client process ended, with its output for assertion messages. */
public record ProcessResult(List<String> command, int exitCode, String stdout, String stderr) {

    /** The whole story, for a failing assertion's message. */
    public String describe() {
        return "command: " + String.join(" ", command) + "\nexit code: " + exitCode + "\n--- stdout ---\n" + stdout
                + "\n--- stderr ---\n" + stderr;
    }
}
