package dev.agentcore.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Which endpoint, how to authenticate, and the per-call settings shared by agent and MCP commands. Options with an
 * environment variable name it as their default ({@code ${env:...}}), which {@link EnvironmentDefaults} reads.
 */
final class ConnectionOptions {

    enum Auth { auto, sigv4, oauth, none }

    /** The command this mixin is part of: which options were typed, rather than defaulted from the environment. */
    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Option(names = {"-q", "--qualifier"}, paramLabel = "ENDPOINT", defaultValue = "${env:AGENTCORE_QUALIFIER}",
            description = "Runtime endpoint name (env AGENTCORE_QUALIFIER; default DEFAULT, which serves the latest version).")
    String qualifier;

    @Option(names = "--endpoint-url", paramLabel = "URL",
            description = "Data-plane URL override, e.g. http://localhost:9090 for an emulator (env AWS_ENDPOINT_URL_BEDROCK_AGENTCORE; "
                    + "default https://bedrock-agentcore.<region of the ARN>.amazonaws.com).")
    String endpointUrl;

    @Option(names = "--local", paramLabel = "URL",
            description = "Call a runtime container on this machine directly, e.g. http://localhost:8080 (agent: POST /invocations) "
                    + "or http://localhost:8000 (MCP: POST /mcp); no ARN needed, no authentication unless a token is given.")
    String local;

    @Option(names = "--state-file", paramLabel = "FILE", defaultValue = "${env:AGENTCORE_STATE_FILE}",
            description = "Deployment state file (env AGENTCORE_STATE_FILE; default .agentcore/state.json, searched upward).")
    String stateFile;

    @Option(names = "--auth", paramLabel = "MODE",
            description = "auto (default): OAuth when a token flag is given, else as the state file says the runtime is "
                    + "configured, else OAuth when token settings are in the environment, else SigV4; or sigv4, oauth, none.")
    Auth auth = Auth.auto;

    @ArgGroup(exclusive = false, heading = "Bearer tokens (OAuth runtimes):%n")
    TokenOptions tokens = new TokenOptions();

    @Option(names = {"-s", "--session-id"}, paramLabel = "ID", defaultValue = "${env:AGENTCORE_SESSION_ID}",
            description = "Runtime session id, 33-256 characters; reuse it to continue a conversation (env AGENTCORE_SESSION_ID; "
                    + "default: a new one). `agentcore-invoke session-id` makes one.")
    String sessionId;

    @Option(names = {"-H", "--header"}, paramLabel = "NAME=VALUE",
            description = "Custom header for the container, repeatable; the X-Amzn-Bedrock-AgentCore-Runtime-Custom- prefix is "
                    + "added when missing, e.g. -H Tenant=acme.")
    Map<String, String> headers = new LinkedHashMap<>();

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "Seconds to wait for the answer to start (default 60).")
    int timeoutSeconds = 60;

    @Option(names = "--idle-timeout", paramLabel = "SECONDS",
            description = "Seconds a streaming answer may send nothing before it counts as stalled and ends with a "
                    + "diagnosis, exit 8 (default 120).")
    int idleTimeoutSeconds = (int) dev.agentcore.client.invoke.InvocationRequest.DEFAULT_IDLE_TIMEOUT.toSeconds();

    @Option(names = "--no-lookup",
            description = "On failure, do not ask the control plane about the runtime (the state file is still read).")
    boolean noLookup;

    @Option(names = "--control-endpoint-url", paramLabel = "URL", hidden = true,
            description = "Control-plane URL override (the SDK also reads AWS_ENDPOINT_URL_BEDROCK_AGENTCORE_CONTROL).")
    String controlEndpointUrl;

    /** True when {@code option} was on the command line, not filled in from the environment. */
    boolean typed(String option) {
        return command.commandLine().getParseResult().hasMatchedOption(option);
    }
}
