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

    static final DiagnosisRule MMDS_V2_REQUIRED = rule("AC810", "The runtime is not MMDSv2-enabled")
            .summary("Since 2026-06-30 AgentCore refuses to invoke runtimes whose metadataConfiguration does not set "
                    + "requireMMDSV2=true (the microVM metadata service, like EC2's IMDSv2, must take session tokens "
                    + "only). Runtimes created before that need an update.")
            .on(INVALID)
            .when(c -> c.messageContains("MMDSv2"))
            .cause(c -> (c.arn() == null ? "The runtime" : "Runtime " + c.arn().runtimeId()) + " does not require MMDSv2 (metadataConfiguration.requireMMDSV2 is not true), and AgentCore no "
                    + "longer invokes such runtimes")
            .next(ValidationRules::requireMmdsV2)
            .conclusive()
            .build();

    /** The update call, with the parameters UpdateAgentRuntime requires, and what to change where the runtime is defined. */
    private static String requireMmdsV2(Case c) {
        if (c.arn() == null) {
            return "Set metadataConfiguration.requireMMDSV2=true on the runtime (aws bedrock-agentcore-control "
                    + "update-agent-runtime ... --metadata-configuration requireMMDSV2=true)";
        }
        String id = c.arn().runtimeId();
        String region = c.arn().region();
        String role = c.runtime().found().map(RuntimeFacts::roleArn).orElse("<its current role ARN>");
        return "Update the runtime: aws bedrock-agentcore-control update-agent-runtime --region " + region
                + " --agent-runtime-id " + id + " --metadata-configuration requireMMDSV2=true --role-arn " + role
                + " --agent-runtime-artifact <its current artifact> --network-configuration <its current network configuration>. "
                + "UpdateAgentRuntime replaces the whole configuration, so pass every setting the runtime has "
                + "(authorizer, protocol, environment variables, lifecycle, request headers) or it is reset; "
                + "read them with aws bedrock-agentcore-control get-agent-runtime --region " + region + " --agent-runtime-id "
                + id + ". The update makes a new version, which DEFAULT serves; named endpoints must be moved to it "
                + "(update-agent-runtime-endpoint). Then change where the runtime is defined so a redeploy keeps it: "
                + "metadataConfiguration={requireMMDSV2=true} in CreateAgentRuntime/UpdateAgentRuntime calls; "
                + "CloudFormation's AWS::BedrockAgentCore::Runtime has no property for it yet, so a stack-managed "
                + "runtime needs this update after each deploy. Code in the container that reads the metadata "
                + "service must use MMDSv2 (a session token from PUT first); current AWS SDKs do";
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
