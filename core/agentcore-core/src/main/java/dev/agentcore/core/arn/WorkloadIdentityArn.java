package dev.agentcore.core.arn;

import java.util.Optional;

import software.amazon.awssdk.arns.Arn;

/**
 * A workload identity:
 * {@code arn:aws:bedrock-agentcore:<region>:<account>:workload-identity-directory/<directory>/workload-identity/<name>}.
 * AgentCore creates one per runtime in the {@code default} directory, named after the runtime id; the execution
 * role needs {@code GetWorkloadAccessToken*} on it (and on its directory).
 */
public record WorkloadIdentityArn(String partition, String region, String accountId, String directory, String name) {

    public static final String DEFAULT_DIRECTORY = "default";
    private static final String DIRECTORY_PREFIX = "workload-identity-directory/";
    private static final String IDENTITY_SEPARATOR = "/workload-identity/";

    /** The workload identity AgentCore makes for {@code runtime}. */
    public static WorkloadIdentityArn forRuntime(RuntimeArn runtime) {
        return new WorkloadIdentityArn(runtime.partition(), runtime.region(), runtime.accountId(), DEFAULT_DIRECTORY,
                runtime.runtimeId());
    }

    /** The workload identity ARN {@code text} is, or empty. */
    public static Optional<WorkloadIdentityArn> tryParse(String text) {
        return AgentCoreArns.split(text).flatMap(WorkloadIdentityArn::from);
    }

    private static Optional<WorkloadIdentityArn> from(Arn a) {
        String resource = a.resourceAsString();
        int cut = resource.indexOf(IDENTITY_SEPARATOR);
        if (!a.service().equals(AgentCoreArns.SERVICE) || !resource.startsWith(DIRECTORY_PREFIX) || cut < 0) {
            return Optional.empty();
        }
        String directory = resource.substring(DIRECTORY_PREFIX.length(), cut);
        String name = resource.substring(cut + IDENTITY_SEPARATOR.length());
        if (directory.isEmpty() || name.isEmpty() || name.contains("/")) {
            return Optional.empty();
        }
        return Optional.of(new WorkloadIdentityArn(a.partition(), a.region().orElse(""), a.accountId().orElse(""),
                directory, name));
    }

    /** The directory that holds this identity: the other resource the token actions are checked against. */
    public String directoryArn() {
        return AgentCoreArns.build(partition, region, accountId, DIRECTORY_PREFIX + directory).toString();
    }

    @Override
    public String toString() {
        return AgentCoreArns.build(partition, region, accountId, DIRECTORY_PREFIX + directory + IDENTITY_SEPARATOR + name)
                .toString();
    }
}
