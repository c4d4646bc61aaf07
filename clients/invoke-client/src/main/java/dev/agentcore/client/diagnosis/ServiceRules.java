package dev.agentcore.client.diagnosis;

import dev.agentcore.client.report.LikelyCause;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** 424 (the container failed), 429 and 402 (throttled, over quota), 5xx (AgentCore failed), 400 (invalid request). */
final class ServiceRules {

    private static final Pattern CONTAINER_STATUS = Pattern.compile("Received error \\((\\d{3})\\) from runtime");

    private ServiceRules() {
    }

    static List<LikelyCause> runtimeClientError(Case c) {
        List<LikelyCause> causes = new ArrayList<>();
        String logGroup = c.arn() == null ? "the container's output" : c.arn().logGroup(c.qualifier());
        String tail = c.arn() == null ? "Read the container's output"
                : "Read the log group " + logGroup + ": aws logs tail " + logGroup + " --since 15m --region " + c.arn().region();
        Matcher m = CONTAINER_STATUS.matcher(c.error().message() == null ? "" : c.error().message());
        String containerStatus = m.find() ? m.group(1) : null;
        if ("404".equals(containerStatus)) {
            causes.add(new LikelyCause("The container answered 404: it does not serve "
                    + (c.context.isMcp() ? "POST /mcp on port 8000" : "POST /invocations on port 8080"),
                    "Check the server's route and port; " + tail));
        } else if (containerStatus != null && containerStatus.startsWith("5")) {
            causes.add(new LikelyCause("The agent code failed: the container answered " + containerStatus
                    + " (AgentCore discards its body)", tail + " for the stack trace"));
        } else {
            causes.add(new LikelyCause("The container answered "
                    + (containerStatus == null ? "with an error" : containerStatus) + "; AgentCore discards its body",
                    tail));
        }
        causes.add(new LikelyCause("The container did not start or failed its health check: an image that is not "
                + "linux/arm64, a server not listening on 0.0.0.0:" + (c.context.isMcp() ? "8000" : "8080")
                + ", or a crash at startup", tail + (c.arn() == null ? "" : "; and " + c.getAgentRuntimeCommand("'[status,failureReason]'"))));
        return causes;
    }

    static List<LikelyCause> throttled(Case c) {
        List<LikelyCause> causes = new ArrayList<>();
        if (c.status() == 402) {
            causes.add(new LikelyCause("A service quota is used up (" + c.error().messageText().orElse("ServiceQuotaExceeded") + ")",
                    "Stop sessions you no longer need (StopRuntimeSession) or ask for more in Service Quotas (Amazon Bedrock AgentCore)"));
            return causes;
        }
        causes.add(new LikelyCause("AgentCore throttled the call: too many requests or new sessions per second for this account",
                "Retry after a pause with exponential backoff; reuse the session id (--session-id) instead of opening new sessions"));
        causes.add(new LikelyCause("The account is at its quota of concurrent sessions or invocations",
                "Check the AgentCore Runtime quotas in Service Quotas and ask for an increase if the load is expected"));
        return causes;
    }

    static List<LikelyCause> serverError(Case c) {
        List<LikelyCause> causes = new ArrayList<>();
        String requestId = c.error().requestId() == null ? "" : " (request id " + c.error().requestId() + ")";
        if (c.status() == 502 || c.status() == 503 || c.status() == 504) {
            causes.add(new LikelyCause("The runtime is starting or overloaded (HTTP " + c.status() + "): a cold start, or "
                    + "a container that is slow to answer /ping", "Retry in a few seconds"
                    + (c.arn() == null ? "" : "; if it keeps failing, read " + c.arn().logGroup(c.qualifier()))));
        }
        causes.add(new LikelyCause("AgentCore failed internally" + requestId,
                "Retry with backoff; if it persists, give AWS Support the request id and the time of the call"));
        return causes;
    }

    static List<LikelyCause> invalid(Case c) {
        List<LikelyCause> causes = new ArrayList<>();
        String message = c.error().messageText().orElse("no message");
        if (c.messageContains("session")) {
            causes.add(new LikelyCause("The session id was refused: " + message,
                    "Omit --session-id to get a generated one, or pass 33 to 256 letters, digits and '-'"));
        } else if (c.messageContains("qualifier")) {
            causes.add(new LikelyCause("The qualifier was refused: " + message,
                    "Pass an endpoint name (letters, digits, '_'; DEFAULT always exists)"));
        } else {
            causes.add(new LikelyCause("AgentCore refused the request as invalid: " + message,
                    "Fix the named field; the body shown by --verbose lists each field and why"));
        }
        return causes;
    }

    static List<LikelyCause> unexpected(Case c) {
        return List.of(new LikelyCause("An unexpected HTTP " + c.status() + " came back"
                + c.error().messageText().map(m -> ": " + m).orElse(""),
                "Look at the response with --verbose; if --endpoint-url is set, check that it is an AgentCore data plane"));
    }
}
