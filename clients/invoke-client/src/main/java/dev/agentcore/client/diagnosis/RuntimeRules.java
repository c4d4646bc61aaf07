package dev.agentcore.client.diagnosis;

import static dev.agentcore.client.diagnosis.DiagnosisRule.rule;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** 424 RuntimeClientError: the runtime's container answered with an error, or never became ready. */
final class RuntimeRules {

    private static final Pattern CONTAINER_STATUS = Pattern.compile("Received error \\((\\d{3})\\) from runtime");
    private static final Trigger RUNTIME_CLIENT_ERROR = Trigger.statuses(424);

    private RuntimeRules() {
    }

    /** The status the container answered, as AgentCore's message quotes it. */
    static Optional<String> containerStatus(Case c) {
        Matcher m = CONTAINER_STATUS.matcher(c.error().message() == null ? "" : c.error().message());
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    static String logGroup(Case c) {
        return c.arn() == null ? "the container's output" : c.arn().logGroup(c.qualifier());
    }

    /** How to read the container's log: the log group and the command that tails it. */
    static String tail(Case c) {
        return c.arn() == null ? "Read the container's output"
                : "Read the log group " + logGroup(c) + ": aws logs tail " + logGroup(c) + " --since 15m --region " + c.arn().region();
    }

    static final DiagnosisRule CONTAINER_ROUTE_MISSING = rule("AC510", "The container does not serve the contract's path")
            .summary("AgentCore forwarded the call and the container answered 404: its server listens, but not on the "
                    + "path or port the protocol contract names.")
            .on(RUNTIME_CLIENT_ERROR)
            .when(c -> containerStatus(c).filter("404"::equals).isPresent())
            .cause(c -> "The container answered 404: it does not serve "
                    + (c.context.isMcp() ? "POST /mcp on port 8000" : "POST /invocations on port 8080"))
            .next(c -> "Check the server's route and port; " + tail(c))
            .build();

    static final DiagnosisRule AGENT_CODE_FAILED = rule("AC520", "The agent code failed")
            .summary("The container answered 5xx; AgentCore discards the body, so the stack trace is only in the log group.")
            .on(RUNTIME_CLIENT_ERROR)
            .when(c -> containerStatus(c).filter(s -> s.startsWith("5")).isPresent())
            .cause(c -> "The agent code failed: the container answered " + containerStatus(c).orElseThrow()
                    + " (AgentCore discards its body)")
            .next(c -> tail(c) + " for the stack trace")
            .build();

    static final DiagnosisRule CONTAINER_ERROR = rule("AC530", "The container answered with an error")
            .summary("Any other container status (4xx from the agent's own validation, say); AgentCore discards its body.")
            .on(RUNTIME_CLIENT_ERROR)
            .when(c -> containerStatus(c).filter(s -> s.equals("404") || s.startsWith("5")).isEmpty())
            .cause(c -> "The container answered " + containerStatus(c).orElse("with an error") + "; AgentCore discards its body")
            .next(RuntimeRules::tail)
            .build();

    static final DiagnosisRule CONTAINER_NOT_STARTED = rule("AC540", "The container did not start or failed its health check")
            .summary("An image that is not linux/arm64, a server bound to 127.0.0.1 or another port, or a crash at start-up "
                    + "all end as a 424.")
            .on(RUNTIME_CLIENT_ERROR)
            .cause(c -> "The container did not start or failed its health check: an image that is not "
                    + "linux/arm64, a server not listening on 0.0.0.0:" + (c.context.isMcp() ? "8000" : "8080")
                    + ", or a crash at startup")
            .next(c -> tail(c) + (c.arn() == null ? "" : "; and " + c.getAgentRuntimeCommand("'[status,failureReason]'")))
            .build();
}
