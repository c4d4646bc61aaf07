package dev.agentcore.core.arn;

import java.util.Optional;
import java.util.regex.Pattern;

import software.amazon.awssdk.arns.Arn;

/**
 * ARN facts shared by every AgentCore ARN type: the service name, the partitions and the region shape. Splitting an
 * ARN into its components is the SDK's {@link Arn}; this class only adds what AgentCore needs on top.
 */
public final class AgentCoreArns {

    public static final String SERVICE = "bedrock-agentcore";
    /** Partitions in which AgentCore ARNs can live ({@code aws-iso-b}, {@code aws-iso-e} and so on included). */
    static final Pattern PARTITION = Pattern.compile("aws(-cn|-us-gov|-iso(-[a-z])?|-eusc)?");
    static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d");
    static final Pattern ACCOUNT = Pattern.compile("\\d{12}");

    private AgentCoreArns() {
    }

    /**
     * The components of {@code text}, or empty when it is not {@code arn:partition:service:region:account:resource}
     * with a partition, a service and a resource. Wildcards and {@code ${...}} are kept as written, so IAM resource
     * patterns split the same way.
     */
    public static Optional<Arn> split(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Arn.tryFromString(text);
        } catch (IllegalArgumentException | NullPointerException e) {
            // tryFromString still throws when a component it needs is blank ("arn::svc:..."): not an ARN either way.
            return Optional.empty();
        }
    }

    public static boolean isRegion(String text) {
        return text != null && REGION.matcher(text).matches();
    }

    /**
     * The partition a region belongs to, by the region's prefix: {@code cn-} is aws-cn, {@code us-gov-} aws-us-gov,
     * the isolated regions their aws-iso partitions, {@code eusc-} aws-eusc, any other region aws.
     */
    public static String partitionOf(String region) {
        String r = region == null ? "" : region;
        if (r.startsWith("cn-")) {
            return "aws-cn";
        }
        if (r.startsWith("us-gov-")) {
            return "aws-us-gov";
        }
        if (r.startsWith("us-isob-")) {
            return "aws-iso-b";
        }
        if (r.startsWith("us-isof-")) {
            return "aws-iso-f";
        }
        if (r.startsWith("eu-isoe-")) {
            return "aws-iso-e";
        }
        if (r.startsWith("us-iso-")) {
            return "aws-iso";
        }
        return r.startsWith("eusc-") ? "aws-eusc" : "aws";
    }

    public static boolean isAccountId(String text) {
        return text != null && ACCOUNT.matcher(text).matches();
    }

    static Arn build(String partition, String region, String accountId, String resource) {
        return Arn.builder().partition(partition).service(SERVICE).region(region).accountId(accountId)
                .resource(resource).build();
    }
}
