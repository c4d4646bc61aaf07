package dev.agentcore.client.diagnosis;

import static dev.agentcore.client.diagnosis.DiagnosisRule.rule;

/** 5xx: AgentCore failed, or the runtime was starting or overloaded. */
final class ServiceRules {

    private ServiceRules() {
    }

    static final DiagnosisRule STARTING_OR_OVERLOADED = rule("AC710", "The runtime is starting or overloaded")
            .summary("502, 503 and 504 come from a cold start or a container that is slow to answer /ping.")
            .on(Trigger.statuses(502, 503, 504))
            .cause(c -> "The runtime is starting or overloaded (HTTP " + c.status() + "): a cold start, or "
                    + "a container that is slow to answer /ping")
            .next(c -> "Retry in a few seconds" + (c.arn() == null ? "" : "; if it keeps failing, read " + c.arn().logGroup(c.qualifier())))
            .build();

    static final DiagnosisRule INTERNAL_FAILURE = rule("AC720", "AgentCore failed internally")
            .summary("Any 5xx: retry with backoff; the request id is what AWS Support needs.")
            .on(Trigger.serverErrors())
            .cause(c -> "AgentCore failed internally" + (c.error().requestId() == null ? "" : " (request id " + c.error().requestId() + ")"))
            .next("Retry with backoff; if it persists, give AWS Support the request id and the time of the call")
            .build();
}
