package dev.agentcore.client.report;

/** What kind of failure it was; the CLI maps each to its own exit code. */
public enum FailureCategory {
    /** Bad input caught before any request: malformed ARN, unknown runtime name, bad state file. */
    USAGE,
    /** 401 or 403, or no token could be obtained. */
    AUTH,
    /** 404: no such runtime or endpoint. */
    NOT_FOUND,
    /** 424: the runtime's container failed, or the agent reported an error. */
    RUNTIME_ERROR,
    /** 429 or 402: throttled or over a quota; 409: a session busy through every retry. Retry later. */
    THROTTLED,
    /** 5xx from AgentCore; retry later. */
    SERVICE_ERROR,
    /** Timeout, connection refused, unknown host. */
    NETWORK,
    /** Anything else (400 validation, unexpected responses). */
    OTHER
}
