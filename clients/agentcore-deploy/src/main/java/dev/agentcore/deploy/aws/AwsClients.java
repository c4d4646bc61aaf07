package dev.agentcore.deploy.aws;

import dev.agentcore.sdk.control.AgentCoreControlPlane;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.bedrockagentcore.BedrockAgentCoreClient;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.StsClient;

/** The SDK clients of one {@link Target}, made on first use and closed together. */
public final class AwsClients implements AutoCloseable {

    private final Target target;
    private final List<AutoCloseable> open = new ArrayList<>();
    private CloudFormationClient cloudFormation;
    private StsClient sts;
    private IamClient iam;
    private EcrClient ecr;
    private CloudWatchLogsClient logs;
    private CognitoIdentityProviderClient cognito;
    private AgentCoreControlPlane control;

    public AwsClients(Target target) {
        this.target = target;
    }

    public Target target() {
        return target;
    }

    public synchronized CloudFormationClient cloudFormation() {
        return cloudFormation = made(cloudFormation, () -> aws(CloudFormationClient.builder()).build());
    }

    public synchronized StsClient sts() {
        return sts = made(sts, () -> aws(StsClient.builder()).build());
    }

    /** IAM is global: its SDK client wants the partition's global Region unless an endpoint is given. */
    public synchronized IamClient iam() {
        return iam = made(iam, () -> aws(IamClient.builder()).region(target.awsEndpoint().isPresent()
                ? target.region() : software.amazon.awssdk.regions.Region.AWS_GLOBAL).build());
    }

    public synchronized EcrClient ecr() {
        return ecr = made(ecr, () -> aws(EcrClient.builder()).build());
    }

    public synchronized CloudWatchLogsClient logs() {
        return logs = made(logs, () -> aws(CloudWatchLogsClient.builder()).build());
    }

    public synchronized CognitoIdentityProviderClient cognito() {
        return cognito = made(cognito, () -> aws(CognitoIdentityProviderClient.builder()).build());
    }

    public synchronized AgentCoreControlPlane control() {
        return control = made(control, () -> AgentCoreControlPlane.create(b -> {
            configure(b, target.agentCoreEndpoint());
        }));
    }

    /** The data-plane client for SigV4 calls is the invoke client's; this is only its endpoint. */
    public Optional<URI> dataPlaneEndpoint() {
        return target.agentCoreEndpoint();
    }

    public BedrockAgentCoreClient dataPlane() {
        BedrockAgentCoreClient client = configure(BedrockAgentCoreClient.builder(), target.agentCoreEndpoint()).build();
        open.add(client);
        return client;
    }

    private <B extends AwsClientBuilder<B, ?>> B aws(B builder) {
        return configure(builder, target.awsEndpoint());
    }

    private <B extends AwsClientBuilder<B, ?>> B configure(B builder, Optional<URI> endpoint) {
        builder.region(target.region()).credentialsProvider(target.credentials());
        endpoint.ifPresent(builder::endpointOverride);
        if (builder instanceof software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder<?, ?> sync) {
            sync.httpClientBuilder(UrlConnectionHttpClient.builder().socketTimeout(Duration.ofMinutes(5)));
        }
        builder.overrideConfiguration(ClientOverrideConfiguration.builder()
                .apiCallTimeout(Duration.ofMinutes(10)).build());
        return builder;
    }

    private <T extends AutoCloseable> T made(T existing, Supplier<T> make) {
        if (existing != null) {
            return existing;
        }
        T client = make.get();
        open.add(client);
        return client;
    }

    @Override
    public synchronized void close() {
        for (AutoCloseable client : open) {
            try {
                client.close();
            } catch (Exception ignored) {
                // closing an SDK client releases connections; nothing to report
            }
        }
        open.clear();
    }
}
