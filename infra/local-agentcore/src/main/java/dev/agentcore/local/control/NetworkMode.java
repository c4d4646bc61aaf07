package dev.agentcore.local.control;

/** {@code networkConfiguration.networkMode}. Locally both run on the host's network; VPC settings are only stored. */
public enum NetworkMode {
    PUBLIC, VPC
}
