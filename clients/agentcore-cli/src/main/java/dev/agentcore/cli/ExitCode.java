package dev.agentcore.cli;

import dev.agentcore.client.report.FailureCategory;

/** Exit codes scripts can rely on; documented in the README and in --help. */
public final class ExitCode {

    public static final int OK = 0;
    /** A failure not covered below: an MCP tool error, a JSON-RPC error, an unexpected response. */
    public static final int FAILED = 1;
    /** Bad flags or input, caught before any request: a malformed ARN, an unknown runtime name, a bad state file. */
    public static final int USAGE = 2;
    /** 401 or 403, or the token endpoint refused to issue a token (no token configured at all is {@link #USAGE}). */
    public static final int AUTH = 3;
    /** 404: no such runtime or endpoint. */
    public static final int NOT_FOUND = 4;
    /** 424: the runtime's container failed, or the agent reported an error in its stream. */
    public static final int RUNTIME_ERROR = 5;
    /** 429 or 402: throttled or over a quota; 409: a session busy through every retry. Retry later. */
    public static final int THROTTLED = 6;
    /** 5xx from AgentCore; retry later. */
    public static final int SERVICE_ERROR = 7;
    /** Timeout, connection refused, unknown host, a streamed answer that stalled or broke off. */
    public static final int NETWORK = 8;

    public static final String HELP = """
            Exit codes:
              0  success
              1  other failure (a tool error, a JSON-RPC error, an unexpected response)
              2  usage: bad flags or input (malformed ARN, unknown name, bad state file, no token configured)
              3  authentication or authorization failed (401, 403, Cognito refused to issue a token)
              4  not found (404: runtime or endpoint)
              5  the runtime failed (424, or the agent reported an error)
              6  throttled, over quota, or a session busy through every retry (429, 402, 409): retry later
              7  AgentCore service error (5xx): retry later
              8  network: timeout, connection refused, unknown host, a stream that stalled or broke off""";

    private ExitCode() {
    }

    public static int of(FailureCategory category) {
        return switch (category) {
            case USAGE -> USAGE;
            case AUTH -> AUTH;
            case NOT_FOUND -> NOT_FOUND;
            case RUNTIME_ERROR -> RUNTIME_ERROR;
            case THROTTLED -> THROTTLED;
            case SERVICE_ERROR -> SERVICE_ERROR;
            case NETWORK -> NETWORK;
            case OTHER -> FAILED;
        };
    }
}
