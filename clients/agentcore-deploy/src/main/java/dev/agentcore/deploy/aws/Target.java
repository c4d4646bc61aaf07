package dev.agentcore.deploy.aws;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * Where a deployment goes. AWS and the local AgentCore differ only here: the endpoints (empty means the SDK's own
 * choice, which honours {@code AWS_ENDPOINT_URL} and {@code AWS_ENDPOINT_URL_<SERVICE>}), the credentials, and where
 * images go (ECR, or the local AgentCore's image store).
 *
 * @param kind              AWS or the local AgentCore
 * @param region            every stack's and runtime's Region (the environment file's)
 * @param credentials       the deployer's credentials
 * @param awsEndpoint       CloudFormation, STS, IAM, ECR, CloudWatch Logs and Cognito (moto, locally)
 * @param agentCoreEndpoint the AgentCore control and data planes (the local AgentCore, locally)
 * @param localImageStore   the local AgentCore's image folder; images are copied there instead of pushed to ECR
 */
public record Target(Kind kind, Region region, AwsCredentialsProvider credentials, Optional<URI> awsEndpoint,
                     Optional<URI> agentCoreEndpoint, Optional<Path> localImageStore) {

    public enum Kind { AWS, LOCAL }

    /** The local stack's static key pair (docs/local-agentcore.md): the local AgentCore verifies it, moto accepts it. */
    public static final AwsCredentialsProvider LOCAL_CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));

    public static Target aws(Region region, Optional<URI> awsEndpoint, Optional<URI> agentCoreEndpoint) {
        return new Target(Kind.AWS, region, DefaultCredentialsProvider.builder().build(), awsEndpoint, agentCoreEndpoint,
                Optional.empty());
    }

    public static Target local(Region region, URI awsEndpoint, URI agentCoreEndpoint, Path imageStore) {
        return new Target(Kind.LOCAL, region, LOCAL_CREDENTIALS, Optional.of(awsEndpoint), Optional.of(agentCoreEndpoint),
                Optional.of(imageStore));
    }

    public boolean local() {
        return kind == Kind.LOCAL;
    }

    /** How the output names it: {@code AWS us-east-1} or {@code the local AgentCore (http://127.0.0.1:4567)}. */
    public String describe() {
        return local() ? "the local AgentCore (" + agentCoreEndpoint.map(URI::toString).orElse("?") + ", AWS "
                + awsEndpoint.map(URI::toString).orElse("?") + ", " + region + ")" : "AWS " + region
                + awsEndpoint.map(e -> " via " + e).orElse("");
    }
}
