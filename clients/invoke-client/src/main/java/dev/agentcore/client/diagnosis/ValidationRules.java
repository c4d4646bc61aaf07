package dev.agentcore.client.diagnosis;

import static dev.agentcore.client.diagnosis.DiagnosisRule.rule;

/** 400 ValidationException: a field AgentCore refuses. */
final class ValidationRules {

    private static final Trigger INVALID = Trigger.statuses(400);

    private ValidationRules() {
    }

    private static String message(Case c) {
        return c.error().messageText().orElse("no message");
    }

    static final DiagnosisRule SESSION_ID_REFUSED = rule("AC820", "The session id was refused")
            .summary("runtimeSessionId must be 33 to 256 characters; another client (or a proxy) sent a shorter one.")
            .on(INVALID)
            .when(c -> c.messageContains("session"))
            .cause(c -> "The session id was refused: " + message(c))
            .next("Omit --session-id to get a generated one, or pass 33 to 256 letters, digits and '-'")
            .conclusive()
            .build();

    static final DiagnosisRule QUALIFIER_REFUSED = rule("AC830", "The qualifier was refused")
            .summary("An endpoint name is a letter followed by letters, digits or underscores.")
            .on(INVALID)
            .when(c -> c.messageContains("qualifier"))
            .cause(c -> "The qualifier was refused: " + message(c))
            .next("Pass an endpoint name (letters, digits, '_'; DEFAULT always exists)")
            .conclusive()
            .build();

    static final DiagnosisRule INVALID_REQUEST = rule("AC840", "AgentCore refused the request as invalid")
            .summary("Any other ValidationException: the message and the body's fieldList name the field.")
            .on(INVALID)
            .cause(c -> "AgentCore refused the request as invalid: " + message(c))
            .next("Fix the named field; the body shown by --verbose lists each field and why")
            .build();
}
