package dev.agentcore.core.arn;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import dev.agentcore.core.runtime.Qualifier;
import dev.agentcore.core.runtime.RuntimeId;
import software.amazon.awssdk.arns.Arn;

/**
 * An AgentCore runtime ARN, {@code arn:aws:bedrock-agentcore:<region>:<account>:runtime/<runtime id>}, checked before
 * any request is sent.
 *
 * <p>The format is the one the service really uses (the CloudFormation schema, the IAM service authorization
 * reference and the current control-plane model), not the {@code agent/<uuid>} placeholder of older models.
 */
public record RuntimeArn(String partition, String region, String accountId, String runtimeId) {

    public static final String RESOURCE_PREFIX = "runtime/";
    public static final String EXPECTED_FORMAT =
            "arn:aws:bedrock-agentcore:<region>:<12-digit account id>:runtime/<runtime name>-<10 letters or digits>"
                    + " (for example arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/hello_agent-AbCdE12345)";

    public RuntimeArn {
        RuntimeId.of(runtimeId);
    }

    /** Parses a runtime ARN; the exception says what is wrong with it and shows the expected format. */
    public static RuntimeArn parse(String text) {
        String arn = text == null ? "" : text.strip();
        Optional<RuntimeArn> parsed = tryParse(arn);
        if (parsed.isPresent()) {
            return parsed.get();
        }
        throw new MalformedArnException(arn, whatIsWrong(arn), EXPECTED_FORMAT);
    }

    /** The runtime ARN {@code text} is, or empty. */
    public static Optional<RuntimeArn> tryParse(String text) {
        return AgentCoreArns.split(text).filter(RuntimeArn::isRuntime)
                .map(a -> new RuntimeArn(a.partition(), a.region().orElseThrow(), a.accountId().orElseThrow(),
                        a.resourceAsString().substring(RESOURCE_PREFIX.length())));
    }

    private static boolean isRuntime(Arn a) {
        String resource = a.resourceAsString();
        return AgentCoreArns.PARTITION.matcher(a.partition()).matches() && a.service().equals(AgentCoreArns.SERVICE)
                && AgentCoreArns.isRegion(a.region().orElse(null)) && AgentCoreArns.isAccountId(a.accountId().orElse(null))
                && resource.startsWith(RESOURCE_PREFIX)
                && RuntimeId.looksLike(resource.substring(RESOURCE_PREFIX.length()));
    }

    /** True if the text looks like a bare runtime id ({@code name-AbCdE12345}). */
    public static boolean looksLikeRuntimeId(String text) {
        return RuntimeId.looksLike(text);
    }

    private static String whatIsWrong(String arn) {
        if (arn.isEmpty()) {
            return "the runtime ARN is empty";
        }
        if (arn.startsWith("arn%3A") || arn.contains("%2F")) {
            return "it is URL-encoded; pass the plain ARN, the client encodes it for the URL itself";
        }
        Optional<RuntimeEndpointArn> endpoint = RuntimeEndpointArn.tryParse(arn);
        if (endpoint.isPresent()) {
            return "it is a runtime endpoint ARN; pass the runtime ARN " + endpoint.get().runtime()
                    + " and the endpoint name with --qualifier " + endpoint.get().endpointName();
        }
        if (looksLikeRuntimeId(arn)) {
            return "it is a runtime id, not an ARN; pass the full ARN, or a runtime name or id listed in .agentcore/state.json";
        }
        Optional<Arn> split = AgentCoreArns.split(arn);
        if (split.isEmpty()) {
            return "it does not have the six colon-separated parts of an ARN";
        }
        Arn a = split.get();
        if (!a.service().equals(AgentCoreArns.SERVICE)) {
            return "the service is '" + a.service() + "'; AgentCore runtimes live in service 'bedrock-agentcore'";
        }
        if (!AgentCoreArns.PARTITION.matcher(a.partition()).matches()) {
            return "the partition '" + a.partition() + "' is not an AWS partition such as aws, aws-cn or aws-us-gov";
        }
        if (!AgentCoreArns.isRegion(a.region().orElse(""))) {
            return "the region '" + a.region().orElse("") + "' is not a region name like us-east-1";
        }
        if (!AgentCoreArns.isAccountId(a.accountId().orElse(""))) {
            return "the account id '" + a.accountId().orElse("") + "' is not 12 digits";
        }
        String resource = a.resourceAsString();
        if (resource.startsWith("agent/") || resource.startsWith("agentEndpoint/")) {
            return "'" + resource + "' uses the service model's placeholder format; real runtime ARNs end in runtime/<runtime id>";
        }
        if (!resource.startsWith(RESOURCE_PREFIX)) {
            return "the resource '" + resource + "' is not a runtime (it must start with runtime/)";
        }
        return "the runtime id '" + resource.substring(RESOURCE_PREFIX.length())
                + "' is not <name>-<10 letters or digits> (name: a letter, then letters, digits or _; no hyphens)";
    }

    public RuntimeId id() {
        return RuntimeId.of(runtimeId);
    }

    /** The partition the ARN's region belongs to; an ARN whose partition differs names no runtime that can exist. */
    public String regionPartition() {
        return AgentCoreArns.partitionOf(region);
    }

    public boolean partitionMatchesRegion() {
        return partition.equals(regionPartition());
    }

    /** The name part of the runtime id ({@code hello_agent} for {@code hello_agent-AbCdE12345}). */
    public String runtimeName() {
        return id().name();
    }

    /** The ARN as it must appear in the invoke URL path: fully encoded, ':' and '/' included. */
    public String urlEncoded() {
        return URLEncoder.encode(toString(), StandardCharsets.UTF_8);
    }

    public RuntimeEndpointArn endpoint(Qualifier qualifier) {
        return new RuntimeEndpointArn(this, qualifier.value());
    }

    /** The ARN of this runtime's endpoint named {@code qualifier}, as text. */
    public String endpointArn(String qualifier) {
        return new RuntimeEndpointArn(this, qualifier).toString();
    }

    public WorkloadIdentityArn workloadIdentity() {
        return WorkloadIdentityArn.forRuntime(this);
    }

    /** The workload identity AgentCore creates for this runtime, as text. */
    public String workloadIdentityArn() {
        return workloadIdentity().toString();
    }

    /** Where the runtime's container logs go, per endpoint. */
    public String logGroup(String qualifier) {
        return "/aws/bedrock-agentcore/runtimes/" + runtimeId + "-" + qualifier;
    }

    /** The resource component: {@code runtime/<runtime id>}. */
    public String resource() {
        return RESOURCE_PREFIX + runtimeId;
    }

    public Arn toArn() {
        return AgentCoreArns.build(partition, region, accountId, resource());
    }

    @Override
    public String toString() {
        return toArn().toString();
    }
}
