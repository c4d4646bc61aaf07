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

    /** The status the container answered, read from AgentCore's message ("Received error (500) from runtime"). */
    static Optional<Integer> containerStatus(Case c) {
        Matcher m = CONTAINER_STATUS.matcher(c.error().message() == null ? "" : c.error().message());
        return m.find() ? Optional.of(Integer.parseInt(m.group(1))) : Optional.empty();
    }

    private static boolean serverError(int status) {
        return status >= 500 && status < 600;
    }

    static String logGroup(Case c) {
        return c.arn() == null ? "the container's output" : c.arn().logGroup(c.qualifier());
    }

    /** How to read the container's log: the log group and the command that tails it. */
    static String tail(Case c) {
        return c.arn() == null ? "Read the container's output"
                : "Read the log group " + logGroup(c) + ": aws logs tail " + logGroup(c) + " --since 15m --region " + c.arn().region();
    }

    private static boolean initializationTimedOut(Case c) {
        return c.messageContains("initialization time exceeded");
    }

    /** Where the container must answer for AgentCore to count it as started. */
    private static String readiness(Case c) {
        return c.context.isMcp() ? "listens on 0.0.0.0:8000 (POST /mcp)" : "answers GET /ping on 0.0.0.0:8080";
    }

    static final DiagnosisRule STARTUP_CRASH = rule("AC550", "The container crashed at start-up (reported as slowness)")
            .summary("\"Runtime initialization time exceeded\" says the server was not ready within 30 seconds; most "
                    + "often it was never going to be: the process died at start-up (a class or module missing from "
                    + "the image, a wrong entry point, an image that is not linux/arm64) and AgentCore waited for it.")
            .on(RUNTIME_CLIENT_ERROR)
            .when(RuntimeRules::initializationTimedOut)
            .cause(c -> "The container most likely crashed at start-up: AgentCore waited 30s for a server that "
                    + readiness(c) + " and reports the crash as an initialization timeout")
            .next(c -> tail(c) + "; look at the first lines: ClassNotFoundException, NoClassDefFoundError or "
                    + "'no main manifest attribute' (a class or the jar's entry point missing from the image), "
                    + "ModuleNotFoundError or ImportError (a Python module not installed), 'exec format error' (an "
                    + "image built for amd64: build for linux/arm64), 'executable file not found' (a wrong entry point "
                    + "or command). An empty log group means the process never started (entry point or architecture). "
                    + "The same image run locally (docker run --platform linux/arm64 -p 8080:8080 ...) shows it in seconds")
            .build();

    static final DiagnosisRule SLOW_INITIALIZATION = rule("AC555", "The server needs more than 30 seconds to start")
            .summary("When the log shows the process starting and no crash, the work done before the server answers "
                    + "(connecting to MCP servers, loading a model, reading secrets, a slow JVM start) takes longer "
                    + "than the 30 seconds AgentCore waits.")
            .on(RUNTIME_CLIENT_ERROR)
            .when(RuntimeRules::initializationTimedOut)
            .cause(c -> "The server does work before it " + readiness(c) + " and takes longer than 30s: connecting "
                    + "to MCP servers or other services, loading models or data, or a slow JVM start")
            .next(c -> "Start the server first and do that work lazily or in the background (answer /ping with "
                    + "HealthyBusy meanwhile); the log group " + logGroup(c) + " shows how long start-up takes; for "
                    + "Java, class data sharing or a smaller classpath shortens it")
            .conclusive()
            .build();

    static final DiagnosisRule CONTAINER_ROUTE_MISSING = rule("AC510", "The container does not serve the contract's path")
            .summary("AgentCore forwarded the call and the container answered 404: its server listens, but not on the "
                    + "path or port the protocol contract names.")
            .on(RUNTIME_CLIENT_ERROR)
            .when(c -> containerStatus(c).filter(status -> status == 404).isPresent())
            .cause(c -> "The container answered 404: it does not serve "
                    + (c.context.isMcp() ? "POST /mcp on port 8000" : "POST /invocations on port 8080"))
            .next(c -> "Check the server's route and port; " + tail(c))
            .build();

    static final DiagnosisRule AGENT_CODE_FAILED = rule("AC520", "The agent code failed")
            .summary("The container answered 5xx; AgentCore discards the body, so the stack trace is only in the log group.")
            .on(RUNTIME_CLIENT_ERROR)
            .when(c -> containerStatus(c).filter(RuntimeRules::serverError).isPresent())
            .cause(c -> "The agent code failed: the container answered " + containerStatus(c).orElseThrow()
                    + " (AgentCore discards its body)")
            .next(c -> tail(c) + " for the stack trace")
            .build();

    static final DiagnosisRule CONTAINER_ERROR = rule("AC530", "The container answered with an error")
            .summary("Any other container status (4xx from the agent's own validation, say); AgentCore discards its body.")
            .on(RUNTIME_CLIENT_ERROR)
            .when(c -> containerStatus(c).filter(status -> status == 404 || serverError(status)).isEmpty())
            .cause(c -> "The container answered " + containerStatus(c).map(String::valueOf).orElse("with an error")
                    + "; AgentCore discards its body")
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
