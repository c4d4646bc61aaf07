package dev.agentcore.policylint.rule;

import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * AWS managed policies that grant every AgentCore action, as their published documents read (AWS Managed Policy
 * Reference Guide, checked 2026-12-04). Attaching one is the same grant as writing it inline, so the same rule
 * reports it. Only what the policies grant AgentCore is recorded here.
 */
public enum AwsManagedPolicy {
    /** Statement "BedrockAgentCoreFullAccess": bedrock-agentcore:* on arn:aws:bedrock-agentcore:*:*:* (version 1). */
    BEDROCK_AGENTCORE_FULL_ACCESS("BedrockAgentCoreFullAccess", "bedrock-agentcore:* on every AgentCore resource"),
    /** Action "*" on Resource "*". */
    ADMINISTRATOR_ACCESS("AdministratorAccess", "every action of every service, AgentCore included"),
    /** NotAction iam:*, organizations:*, account:* on Resource "*": everything else, AgentCore included. */
    POWER_USER_ACCESS("PowerUserAccess", "every action but IAM, Organizations and Account ones, AgentCore included");

    // arn:aws:iam::aws:policy/NAME, also under a path (service-role/, job-function/), in other partitions, and with
    // the partition unknown (${AWS::Partition}: an IAM pattern's *).
    private static final Pattern ARN =
            Pattern.compile("^arn:(?:aws[a-z-]*|\\*):iam::aws:policy/(?:[\\w+=,.@-]+/)*([\\w+=,.@-]+)$");

    private final String policyName;
    private final String grants;

    AwsManagedPolicy(String policyName, String grants) {
        this.policyName = policyName;
        this.grants = grants;
    }

    public String policyName() {
        return policyName;
    }

    /** What it grants AgentCore, for messages. */
    public String grants() {
        return grants;
    }

    /** The policy an ARN (or an IAM pattern of one) names, if it is one of these. */
    public static Optional<AwsManagedPolicy> of(String arn) {
        Matcher m = ARN.matcher(arn);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Arrays.stream(values()).filter(p -> p.policyName.equals(m.group(1))).findFirst();
    }
}
