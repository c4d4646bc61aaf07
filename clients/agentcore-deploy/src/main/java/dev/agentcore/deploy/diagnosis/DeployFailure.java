package dev.agentcore.deploy.diagnosis;

import java.util.Optional;

/**
 * A failure of one deploy step, as AWS (or the local AgentCore) worded it, plus the facts a rule may need that the
 * error itself does not carry.
 *
 * @param step        what the tool was doing: {@code CreateChangeSet}, {@code stack agentcore-sandbox-runtimes},
 *                    {@code UpdateAgentRuntime}, {@code image hello_agent}, {@code smoke mcp_echo}, ...
 * @param errorCode   the AWS error code ({@code ValidationException}) or a resource status ({@code CREATE_FAILED}),
 *                    empty when there is none
 * @param message     the error message or status reason, as received
 * @param resource    the failed CloudFormation resource ({@code HelloAgentRuntime (AWS::BedrockAgentCore::Runtime)})
 * @param region      the deployment's Region
 * @param trustPolicy the trust policy (JSON) of the role the message names, when the tool could read it
 */
public record DeployFailure(String step, String errorCode, String message, Optional<String> resource, String region,
                            Optional<String> trustPolicy) {

    public static DeployFailure of(String step, String errorCode, String message, String region) {
        return new DeployFailure(step, errorCode == null ? "" : errorCode, message == null ? "" : message,
                Optional.empty(), region, Optional.empty());
    }

    public DeployFailure withResource(String value) {
        return new DeployFailure(step, errorCode, message, Optional.ofNullable(value), region, trustPolicy);
    }

    public DeployFailure withTrustPolicy(String value) {
        return new DeployFailure(step, errorCode, message, resource, region, Optional.ofNullable(value));
    }

    public boolean says(String text) {
        return message.toLowerCase(java.util.Locale.ROOT).contains(text.toLowerCase(java.util.Locale.ROOT));
    }

    /** The first IAM role ARN the message names, if any. */
    public Optional<String> roleArn() {
        var matcher = java.util.regex.Pattern.compile("arn:aws[a-z-]*:iam::\\d{12}:role/[\\w+=,.@/-]+").matcher(message);
        return matcher.find() ? Optional.of(matcher.group().replaceAll("[.,]$", "")) : Optional.empty();
    }
}
