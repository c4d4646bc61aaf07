package dev.agentcore.client.runtime;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An AgentCore runtime ARN, checked before any request is sent.
 *
 * <p>The format is the one the service really uses (CloudFormation schema, IAM reference), not the
 * {@code agent/<uuid>} pattern of the service model, which does not match reality.
 */
public record RuntimeArn(String partition, String region, String accountId, String runtimeId) {

    public static final String EXPECTED_FORMAT =
            "arn:aws:bedrock-agentcore:<region>:<12-digit account id>:runtime/<runtime name>-<10 letters or digits>"
                    + " (for example arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/hello_agent-AbCdE12345)";

    private static final Pattern ARN = Pattern.compile(
            "arn:(aws|aws-cn|aws-us-gov|aws-iso|aws-iso-[a-z]):bedrock-agentcore:([a-z]{2}(?:-[a-z]+)+-\\d):(\\d{12}):runtime/"
                    + "([a-zA-Z][a-zA-Z0-9_]{0,99}-[a-zA-Z0-9]{10})");
    private static final Pattern ENDPOINT_ARN = Pattern.compile("(arn:[^/]+:runtime/[^/]+)/runtime-endpoint/([^/]+)");
    private static final Pattern RUNTIME_ID = Pattern.compile("[a-zA-Z][a-zA-Z0-9_]{0,99}-[a-zA-Z0-9]{10}");

    /** Parses a runtime ARN; the exception says what is wrong with it and shows the expected format. */
    public static RuntimeArn parse(String text) {
        String arn = text == null ? "" : text.strip();
        Matcher m = ARN.matcher(arn);
        if (m.matches()) {
            return new RuntimeArn(m.group(1), m.group(2), m.group(3), m.group(4));
        }
        throw new MalformedArnException(arn, whatIsWrong(arn), EXPECTED_FORMAT);
    }

    /** True if the text looks like a bare runtime id ({@code name-AbCdE12345}). */
    public static boolean looksLikeRuntimeId(String text) {
        return text != null && RUNTIME_ID.matcher(text).matches();
    }

    private static String whatIsWrong(String arn) {
        if (arn.isEmpty()) {
            return "the runtime ARN is empty";
        }
        if (arn.startsWith("arn%3A") || arn.contains("%2F")) {
            return "it is URL-encoded; pass the plain ARN, the client encodes it for the URL itself";
        }
        Matcher endpoint = ENDPOINT_ARN.matcher(arn);
        if (endpoint.matches()) {
            return "it is a runtime endpoint ARN; pass the runtime ARN " + endpoint.group(1)
                    + " and the endpoint name with --qualifier " + endpoint.group(2);
        }
        if (looksLikeRuntimeId(arn)) {
            return "it is a runtime id, not an ARN; pass the full ARN, or a runtime name or id listed in .agentcore/state.json";
        }
        String[] parts = arn.split(":", 6);
        if (parts.length < 6 || !parts[0].equals("arn")) {
            return "it does not have the six colon-separated parts of an ARN";
        }
        if (!parts[2].equals("bedrock-agentcore")) {
            return "the service is '" + parts[2] + "'; AgentCore runtimes live in service 'bedrock-agentcore'";
        }
        if (!parts[3].matches("[a-z]{2}(-[a-z]+)+-\\d")) {
            return "the region '" + parts[3] + "' is not a region name like us-east-1";
        }
        if (!parts[4].matches("\\d{12}")) {
            return "the account id '" + parts[4] + "' is not 12 digits";
        }
        if (parts[5].startsWith("agent/") || parts[5].startsWith("agentEndpoint/")) {
            return "'" + parts[5] + "' uses the service model's placeholder format; real runtime ARNs end in runtime/<runtime id>";
        }
        if (!parts[5].startsWith("runtime/")) {
            return "the resource '" + parts[5] + "' is not a runtime (it must start with runtime/)";
        }
        return "the runtime id '" + parts[5].substring("runtime/".length())
                + "' is not <name>-<10 letters or digits> (name: a letter, then letters, digits or _; no hyphens)";
    }

    /** The ARN as it must appear in the invoke URL path: fully encoded, ':' and '/' included. */
    public String urlEncoded() {
        return URLEncoder.encode(toString(), StandardCharsets.UTF_8);
    }

    /** The name part of the runtime id ({@code hello_agent} for {@code hello_agent-AbCdE12345}). */
    public String runtimeName() {
        return runtimeId.substring(0, runtimeId.lastIndexOf('-'));
    }

    public String endpointArn(String qualifier) {
        return this + "/runtime-endpoint/" + qualifier;
    }

    /** The workload identity AgentCore creates for a runtime, named like the runtime id. */
    public String workloadIdentityArn() {
        return "arn:" + partition + ":bedrock-agentcore:" + region + ":" + accountId
                + ":workload-identity-directory/default/workload-identity/" + runtimeId;
    }

    /** Where the runtime's container logs go, per endpoint. */
    public String logGroup(String qualifier) {
        return "/aws/bedrock-agentcore/runtimes/" + runtimeId + "-" + qualifier;
    }

    @Override
    public String toString() {
        return "arn:" + partition + ":bedrock-agentcore:" + region + ":" + accountId + ":runtime/" + runtimeId;
    }
}
