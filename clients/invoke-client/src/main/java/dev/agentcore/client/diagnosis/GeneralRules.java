package dev.agentcore.client.diagnosis;

import static dev.agentcore.client.diagnosis.DiagnosisRule.rule;

/** Causes that do not depend on the status: a region that differs from the runtime's, and statuses no rule knows. */
final class GeneralRules {

    private GeneralRules() {
    }

    static final DiagnosisRule REGION_MISMATCH = rule("AC010", "The request went to another region's endpoint")
            .summary("A runtime lives in one region; an endpoint override (flag or environment variable) that names "
                    + "another region reaches a data plane that does not know it, which answers 404 or 403.")
            .on(Trigger.anyResponse())
            .when(c -> c.target().regionMismatch())
            .cause(c -> "The runtime is in region " + c.arn().region() + ", but the request went to "
                    + c.target().dataPlane().getHost() + " (from " + c.target().endpointOrigin().text() + ")")
            .next(c -> "Call the runtime's region: drop the endpoint override or use https://bedrock-agentcore."
                    + c.arn().region() + ".amazonaws.com")
            .build();

    static final DiagnosisRule UNEXPECTED_STATUS = rule("AC090", "An HTTP status no other rule explains")
            .summary("The fallback when no rule above applied: usually a proxy or a wrong --endpoint-url answering "
                    + "instead of AgentCore.")
            .on(Trigger.anyResponse())
            .when(c -> !c.foundAnyBut(REGION_MISMATCH.info().id()))
            .cause(c -> "An unexpected HTTP " + c.status() + " came back" + c.error().messageText().map(m -> ": " + m).orElse(""))
            .next("Look at the response with --verbose; if --endpoint-url is set, check that it is an AgentCore data plane")
            .build();
}
