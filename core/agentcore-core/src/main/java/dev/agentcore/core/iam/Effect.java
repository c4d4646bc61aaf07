package dev.agentcore.core.iam;

/** The {@code Effect} of a policy statement. */
public enum Effect {
    Allow,
    Deny
}
