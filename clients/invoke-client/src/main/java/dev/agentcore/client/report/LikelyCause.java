package dev.agentcore.client.report;

/** One likely cause of a failure and the next step that checks or fixes it. */
public record LikelyCause(String cause, String nextStep) {
}
