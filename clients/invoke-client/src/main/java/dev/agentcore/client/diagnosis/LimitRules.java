package dev.agentcore.client.diagnosis;

import static dev.agentcore.client.diagnosis.DiagnosisRule.rule;

import dev.agentcore.core.runtime.SessionId;

/** 402, 409 and 429: a quota used up, a session busy with another call, or too many calls per second. */
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

    static final DiagnosisRule SESSION_BUSY = rule("AC640", "The session stayed busy with another operation")
            .summary("409 RetryableConflictException (\"Session operation in progress, please retry\"): another call "
                    + "on the same runtime session has not finished. It is transient, so the client retries it itself "
                    + "(3 attempts, exponential backoff with jitter) and says so; this rule reports the case where "
                    + "the session stayed busy through every retry.")
            .on(Trigger.statuses(409))
            .when(c -> "RetryableConflictException".equals(c.error().type()) || c.messageContains("operation in progress"))
            .cause(c -> "Runtime session " + c.requestHeader(SessionId.HEADER).orElse("")
                    + " was busy with another operation" + (c.attempts() > 1 ? " through " + c.attempts() + " attempts" : "")
                    + " (" + c.error().messageText().orElse("RetryableConflictException") + ")")
            .next("Let the other call on this session finish first (a chat still streaming, another terminal or process "
                    + "with the same --session-id or AGENTCORE_SESSION_ID), then retry; calls that need not share a "
                    + "conversation can use their own session ids")
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
