package dev.agentcore.client.diagnosis;

import static dev.agentcore.client.diagnosis.DiagnosisRule.rule;

/** 402 and 429: a quota used up, or too many calls per second. */
final class LimitRules {

    private LimitRules() {
    }

    static final DiagnosisRule QUOTA_EXCEEDED = rule("AC610", "A service quota is used up")
            .summary("402 ServiceQuotaExceededException: the account has as many active sessions (or other resources) "
                    + "as its quota allows.")
            .on(Trigger.statuses(402))
            .cause(c -> "A service quota is used up (" + c.error().messageText().orElse("ServiceQuotaExceeded") + ")")
            .next("Stop sessions you no longer need (StopRuntimeSession) or ask for more in Service Quotas (Amazon Bedrock AgentCore)")
            .conclusive()
            .build();

    static final DiagnosisRule THROTTLED = rule("AC620", "AgentCore throttled the call")
            .summary("429 ThrottlingException: too many requests or new sessions per second for the account.")
            .on(Trigger.statuses(429))
            .cause("AgentCore throttled the call: too many requests or new sessions per second for this account")
            .next("Retry after a pause with exponential backoff; reuse the session id (--session-id) instead of opening new sessions")
            .build();

    static final DiagnosisRule CONCURRENCY_QUOTA = rule("AC630", "The account is at its concurrency quota")
            .summary("Sustained 429s under expected load point at the quotas of concurrent sessions or invocations.")
            .on(Trigger.statuses(429))
            .cause("The account is at its quota of concurrent sessions or invocations")
            .next("Check the AgentCore Runtime quotas in Service Quotas and ask for an increase if the load is expected")
            .build();
}
