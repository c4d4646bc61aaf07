package dev.agentcore.local.data;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import dev.agentcore.core.runtime.Qualifier;
import dev.agentcore.core.runtime.RuntimeName;
import dev.agentcore.core.arn.PrincipalArn;
import dev.agentcore.local.LocalAgentCore;
import dev.agentcore.local.identity.IdentityService;
import dev.agentcore.local.LocalFixture;
import dev.agentcore.local.auth.InMemoryCredentialsDirectory;
import dev.agentcore.local.auth.SigningCredentials;
import dev.agentcore.local.control.AgentRuntime;
import dev.agentcore.local.control.Resolution;
import dev.agentcore.local.control.RuntimeConfiguration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockagentcore.BedrockAgentCoreClient;
import tools.jackson.databind.node.ObjectNode;

/** A local AgentCore with the data plane, its IAM and access keys in memory, and runtimes served by test containers. */
final class DataPlaneFixture implements AutoCloseable {

    static final String ACCOUNT = "123456789012";
    static final String CALLER = "arn:aws:iam::123456789012:user/alice";
    static final String CALLER_KEY = LocalFixture.ACCESS_KEY;
    static final String EXECUTION_ROLE = "arn:aws:iam::123456789012:role/mcp_echo_execution";

    final InMemoryIamDirectory iam = new InMemoryIamDirectory();
    /** The keys the front door verifies and the data plane names callers by: one directory, as in the launcher. */
    final InMemoryCredentialsDirectory keys = new InMemoryCredentialsDirectory().register(
            SigningCredentials.longTerm(CALLER_KEY, LocalFixture.SECRET_KEY, PrincipalArn.parse(CALLER).orElseThrow()));
    final PingingSessionHosts hosts;
    final LocalAgentCore agentCore;

    DataPlaneFixture(Duration initializationDeadline) throws Exception {
        this(initializationDeadline, null);
    }

    /**
     * With {@code identity} mounted too, its token store issuing the containers' workload access tokens, as the
     * launcher wires them.
     */
    DataPlaneFixture(Duration initializationDeadline, java.util.function.Function<DataPlaneFixture, IdentityService>
            identity) throws Exception {
        hosts = new PingingSessionHosts(initializationDeadline);
        DataPlaneService.Builder dataPlane = DataPlaneService.builder(hosts).iam(iam).accessKeys(keys::principalOf);
        var config = LocalFixture.config().credentials(keys);
        if (identity != null) {
            IdentityService service = identity.apply(this);
            dataPlane.workloadTokens(service.workloadTokenIssuer());
            config.service(service);
        }
        agentCore = LocalAgentCore.start(config.service(dataPlane.build()).build());
    }

    DataPlaneFixture() throws Exception {
        this(Duration.ofSeconds(5));
    }

    /** The policy that lets the caller invoke every runtime and endpoint of the account, for any user. */
    DataPlaneFixture callerMayInvoke() {
        iam.put(CALLER, "invoke", """
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
                 "Action": ["bedrock-agentcore:InvokeAgentRuntime", "bedrock-agentcore:InvokeAgentRuntimeForUser"],
                 "Resource": ["arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/*"]}]}""");
        return this;
    }

    /** Members as CreateAgentRuntime's (plus metadataConfiguration, which only UpdateAgentRuntime takes on the wire). */
    static ObjectNode configuration(String protocol, boolean mmdsV2) {
        ObjectNode c = ContractContainer.JSON.createObjectNode();
        c.putObject("agentRuntimeArtifact").putObject("containerConfiguration").put("containerUri", LocalFixture.image("1"));
        c.put("roleArn", EXECUTION_ROLE);
        c.putObject("networkConfiguration").put("networkMode", "PUBLIC");
        c.putObject("protocolConfiguration").put("serverProtocol", protocol);
        if (mmdsV2) {
            c.putObject("metadataConfiguration").put("requireMMDSV2", true);
        }
        return c;
    }

    /** A runtime with {@code configuration}, READY, served by {@code container}. */
    AgentRuntime runtime(String name, ObjectNode configuration, ContractContainer container) {
        AgentRuntime runtime = agentCore.registry().create(RuntimeName.of(name), RuntimeConfiguration.of(configuration),
                Map.of());
        Instant deadline = Instant.now().plusSeconds(10);
        while (!(agentCore.registry().resolve(runtime.id(), Qualifier.DEFAULT) instanceof Resolution.Found)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(name + " did not become READY");
            }
            LocalFixture.sleep(10);
        }
        hosts.serve(runtime.id(), container.address());
        return agentCore.registry().get(runtime.id());
    }

    BedrockAgentCoreClient client() {
        return client(CALLER_KEY);
    }

    BedrockAgentCoreClient client(String accessKey) {
        return BedrockAgentCoreClient.builder().region(Region.US_EAST_1)
                .endpointOverride(agentCore.endpoint())
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey,
                        LocalFixture.SECRET_KEY)))
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .retryStrategy(retry -> retry.maxAttempts(1)).build())
                .build();
    }

    @Override
    public void close() {
        agentCore.close();
    }
}
