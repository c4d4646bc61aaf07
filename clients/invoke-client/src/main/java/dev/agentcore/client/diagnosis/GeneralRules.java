package dev.agentcore.client.diagnosis;

import static dev.agentcore.client.diagnosis.DiagnosisRule.rule;

/** Causes that do not depend on the status: an ARN whose partition is not its region's, a region that differs from the runtime's, and statuses no rule knows. */
final class GeneralRules {

    private GeneralRules() {
    }

    static final DiagnosisRule PARTITION_MISMATCH = rule("AC011", "The ARN's partition is not its region's")
            .summary("An ARN's partition follows from its region (aws for us-east-1, aws-cn for cn-north-1, aws-us-gov "
                    + "for us-gov-west-1); an ARN that mixes them names no runtime that can exist, whatever its id.")
            .on(Trigger.anyResponse())
            .when(c -> c.arn() != null && !c.arn().partitionMatchesRegion())
            .cause(c -> "The ARN says partition " + c.arn().partition() + ", but region " + c.arn().region()
                    + " is in partition " + c.arn().regionPartition() + ": the ARN was edited by hand or pieced together")
            .next(c -> "Use the runtime's ARN as AgentCore reports it (arn:" + c.arn().regionPartition()
                    + ":bedrock-agentcore:" + c.arn().region() + ":...), e.g. from .agentcore/state.json or "
                    + "aws bedrock-agentcore-control list-agent-runtimes --region " + c.arn().region())
            .conclusive()
            .build();

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
