package dev.agentcore.deploy.cli;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The options every command shares: which repository, which environment, which target. */
public final class CommonOptions {

    public enum TargetKind { aws, local }

    @Option(names = "--env", defaultValue = "sandbox", paramLabel = "NAME",
            description = "Environment: infra/env/NAME.params.json (default: ${DEFAULT-VALUE}).")
    String environment;

    @Option(names = "--target", defaultValue = "aws", paramLabel = "aws|local",
            description = "aws (default: your credentials, the SDK's endpoints, honouring AWS_ENDPOINT_URL_*) or local"
                    + " (the local AgentCore of make local-up: its endpoints and static credentials).")
    TargetKind target;

    @Option(names = "--root", paramLabel = "DIR", description = "The repository (default: the folder above with infra/stacks.json).")
    Path root;

    @Option(names = "--aws-endpoint", paramLabel = "URL",
            description = "CloudFormation, STS, IAM, ECR, Logs and Cognito endpoint (local default: the local AWS, :4566).")
    URI awsEndpoint;

    @Option(names = "--agentcore-endpoint", paramLabel = "URL",
            description = "AgentCore control and data plane endpoint (local default: the local AgentCore, :4567).")
    URI agentCoreEndpoint;

    @Option(names = "--local-image-dir", paramLabel = "DIR",
            description = "The local AgentCore's image store (default: .agentcore/local/images, as make deploy-local starts it).")
    Path localImageDir;

    @Option(names = "--poll-ms", paramLabel = "MS", description = "How often to poll stacks and runtimes (default: 5000 on"
            + " AWS, 100 locally).")
    Long pollMillis;

    public String environment() {
        return environment;
    }

    public TargetKind target() {
        return target;
    }

    public Optional<Path> root() {
        return Optional.ofNullable(root).map(p -> p.toAbsolutePath().normalize());
    }

    public Optional<URI> awsEndpoint() {
        return Optional.ofNullable(awsEndpoint);
    }

    public Optional<URI> agentCoreEndpoint() {
        return Optional.ofNullable(agentCoreEndpoint);
    }

    public Optional<Path> localImageDir() {
        return Optional.ofNullable(localImageDir).map(p -> p.toAbsolutePath().normalize());
    }

    public Duration poll() {
        return Duration.ofMillis(pollMillis != null ? pollMillis : target == TargetKind.local ? 100 : 5000);
    }
}
