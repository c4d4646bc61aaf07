package dev.agentcore.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import dev.agentcore.local.auth.SigV4Authenticator;
import dev.agentcore.testing.RepositoryFiles;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockagentcore.BedrockAgentCoreClient;
import software.amazon.awssdk.services.bedrockagentcorecontrol.BedrockAgentCoreControlClient;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.AgentRuntimeArtifact;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.NetworkMode;
import software.amazon.awssdk.services.bedrockagentcorecontrol.model.ServerProtocol;
import dev.agentcore.testing.MotoServer;

/**
 * The launcher's SigV4 callers, verified: the stack as {@code local-agentcore} starts it from its options (no local
 * AWS, then with moto), signed to by the real SDKs with right and wrong secrets.
 */
class LauncherSigV4Test {

    static final String DEV_KEY = "AKIALAUNCHERDEV00001";
    static final String DEV_SECRET = "dev/launcher+secret=key";
    static final String CONVENIENT_KEY = "AKIALAUNCHERCONV0001";
    static final String NO_RUNTIME = "arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/nothing-AAAAAAAAAA";

    static LocalStack launch(String... options) throws IOException {
        String[] args = Stream.concat(Stream.of("--provisioning-delay", "20", "--check-images", "false"),
                Stream.of(options)).toArray(String[]::new);
        return LocalStack.start(LocalAgentCore.Options.parseStack(args, Map.of()));
    }

    static StaticCredentialsProvider keys(String accessKey, String secret) {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secret));
    }

    static BedrockAgentCoreControlClient control(URI endpoint, String accessKey, String secret) {
        return BedrockAgentCoreControlClient.builder().region(Region.US_EAST_1).endpointOverride(endpoint)
                .httpClientBuilder(UrlConnectionHttpClient.builder()).credentialsProvider(keys(accessKey, secret))
                .overrideConfiguration(ClientOverrideConfiguration.builder().retryStrategy(r -> r.maxAttempts(1)).build())
                .build();
    }

    static BedrockAgentCoreClient data(URI endpoint, String accessKey, String secret) {
        return BedrockAgentCoreClient.builder().region(Region.US_EAST_1).endpointOverride(endpoint)
                .httpClientBuilder(UrlConnectionHttpClient.builder()).credentialsProvider(keys(accessKey, secret))
                .overrideConfiguration(ClientOverrideConfiguration.builder().retryStrategy(r -> r.maxAttempts(1)).build())
                .build();
    }

    static AwsServiceException listRefused(URI endpoint, String accessKey, String secret) {
        try (var client = control(endpoint, accessKey, secret)) {
            return catchThrowableOfType(AwsServiceException.class, () -> client.listAgentRuntimes(r -> r.maxResults(1)));
        }
    }

    static void assertWrongSignature(AwsServiceException e) {
        assertThat(e).as("a refusal").isNotNull();
        assertThat(e.statusCode()).isEqualTo(403);
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidSignatureException");
        assertThat(e.awsErrorDetails().errorMessage()).startsWith(SigV4Authenticator.SIGNATURE_MISMATCH);
    }

    @Test
    void aWrongSecretIsAnInvalidSignatureOnEveryPart() throws Exception {
        try (LocalStack stack = launch()) {
            URI endpoint = stack.endpoint();
            assertWrongSignature(listRefused(endpoint, "local", "not-local"));
            try (var data = data(endpoint, "local", "not-local")) {
                assertWrongSignature(catchThrowableOfType(AwsServiceException.class, () -> data.invokeAgentRuntime(r -> r
                        .agentRuntimeArn(NO_RUNTIME).payload(SdkBytes.fromUtf8String("{}")))));
                assertWrongSignature(catchThrowableOfType(AwsServiceException.class, () -> data.getWorkloadAccessToken(
                        r -> r.workloadName("anything"))));
            }
            AwsServiceException unknown = listRefused(endpoint, "AKIANOBODYISSUEDTHIS", "x");
            assertThat(unknown.awsErrorDetails().errorCode()).isEqualTo("UnrecognizedClientException");

            // The static pair passes the front door: the control plane answers, the data plane reaches its own 404.
            try (var control = control(endpoint, "local", "local"); var data = data(endpoint, "local", "local")) {
                assertThat(control.listAgentRuntimes(r -> r.maxResults(1)).agentRuntimes()).isEmpty();
                AwsServiceException missing = catchThrowableOfType(AwsServiceException.class, () -> data
                        .invokeAgentRuntime(r -> r.agentRuntimeArn(NO_RUNTIME).payload(SdkBytes.fromUtf8String("{}"))));
                assertThat(missing.statusCode()).isEqualTo(404);
            }
        }
    }

    @Test
    void callersSignWithTheirOwnSecretOrWithTheirKeyId() throws Exception {
        try (LocalStack stack = launch("--caller", DEV_KEY + ":" + DEV_SECRET + "=arn:aws:iam::123456789012:user/dev",
                "--caller", CONVENIENT_KEY + "=arn:aws:iam::123456789012:user/conv")) {
            URI endpoint = stack.endpoint();
            try (var dev = control(endpoint, DEV_KEY, DEV_SECRET);
                 var convenient = control(endpoint, CONVENIENT_KEY, CONVENIENT_KEY);
                 var local = control(endpoint, "local", "local")) {
                assertThat(dev.listAgentRuntimes(r -> r.maxResults(1)).agentRuntimes()).isEmpty();
                assertThat(convenient.listAgentRuntimes(r -> r.maxResults(1)).agentRuntimes()).isEmpty();
                assertThat(local.listAgentRuntimes(r -> r.maxResults(1)).agentRuntimes()).as("the static pair stays")
                        .isEmpty();
            }
            assertWrongSignature(listRefused(endpoint, DEV_KEY, DEV_KEY));
            assertWrongSignature(listRefused(endpoint, CONVENIENT_KEY, DEV_SECRET));
        }
    }

    @Test
    void aCallerWithTheStaticKeyReplacesTheStaticPair() throws Exception {
        try (LocalStack stack = launch("--caller", "local:rotated=arn:aws:iam::123456789012:user/local")) {
            assertWrongSignature(listRefused(stack.endpoint(), "local", "local"));
            try (var rotated = control(stack.endpoint(), "local", "rotated")) {
                assertThat(rotated.listAgentRuntimes(r -> r.maxResults(1)).agentRuntimes()).isEmpty();
            }
        }
    }

    /** boto3, as the repository's Python tests and scripts sign: the static pair passes, another secret does not. */
    @Test
    void theStaticPairWorksWithBoto3() throws Exception {
        try (LocalStack stack = launch()) {
            String script = """
                    import sys, boto3, botocore.exceptions
                    def client(secret):
                        return boto3.client('bedrock-agentcore-control', region_name='us-east-1',
                                            endpoint_url=sys.argv[1], aws_access_key_id='local',
                                            aws_secret_access_key=secret)
                    print('listed', len(client('local').list_agent_runtimes()['agentRuntimes']))
                    try:
                        client('wrong').list_agent_runtimes()
                    except botocore.exceptions.ClientError as e:
                        print('refused', e.response['Error']['Code'], e.response['ResponseMetadata']['HTTPStatusCode'])
                    """;
            List<String> lines = python(script, stack.endpoint().toString());
            assertThat(lines).containsExactly("listed 0", "refused InvalidSignatureException 403");
        }
    }

    /**
     * With a local AWS, a key moto issued ({@code iam create-access-key}) signs as its user at once: the front door
     * takes its secret from moto, and the data plane names the caller from the same record (IAM's refusal names the
     * user; before, the key was an unrecognized client).
     */
    @Test
    void withALocalAwsItsIssuedKeysSignAsTheirUsers() throws Exception {
        try (MotoServer moto = MotoServer.start()) {
            String aws = moto.endpoint().toString();
            List<String> issued = python("""
                    import sys, boto3
                    iam = boto3.client('iam', endpoint_url=sys.argv[1], region_name='us-east-1',
                                       aws_access_key_id='local', aws_secret_access_key='local')
                    iam.create_user(UserName='carol')
                    key = iam.create_access_key(UserName='carol')['AccessKey']
                    print(key['AccessKeyId'])
                    print(key['SecretAccessKey'])
                    """, aws);
            String carolKey = issued.get(0);
            String carolSecret = issued.get(1);
            try (LocalStack stack = launch("--aws-endpoint", aws, "--require-mmdsv2", "false")) {
                URI endpoint = stack.endpoint();
                assertWrongSignature(listRefused(endpoint, carolKey, "not-carols-secret"));
                try (var carol = control(endpoint, carolKey, carolSecret); var local = control(endpoint, "local", "local");
                     var carolData = data(endpoint, carolKey, carolSecret)) {
                    assertThat(carol.listAgentRuntimes(r -> r.maxResults(1)).agentRuntimes()).isEmpty();
                    String id = local.createAgentRuntime(r -> r.agentRuntimeName("carols_target")
                            .agentRuntimeArtifact(AgentRuntimeArtifact.fromContainerConfiguration(
                                    c -> c.containerUri(LocalFixture.image("1"))))
                            .roleArn(LocalFixture.ROLE).networkConfiguration(n -> n.networkMode(NetworkMode.PUBLIC))
                            .protocolConfiguration(p -> p.serverProtocol(ServerProtocol.HTTP))).agentRuntimeId();
                    LocalFixture.await(() -> local.getAgentRuntime(r -> r.agentRuntimeId(id)).statusAsString(), "READY");
                    String arn = local.getAgentRuntime(r -> r.agentRuntimeId(id)).agentRuntimeArn();
                    AwsServiceException denied = catchThrowableOfType(AwsServiceException.class, () -> carolData
                            .invokeAgentRuntime(r -> r.agentRuntimeArn(arn).payload(SdkBytes.fromUtf8String("{}"))));
                    assertThat(denied.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
                    assertThat(denied.awsErrorDetails().errorMessage())
                            .startsWith("User: arn:aws:iam::123456789012:user/carol is not authorized to perform:"
                                    + " bedrock-agentcore:InvokeAgentRuntime");
                }
            }
        }
    }

    /** Runs {@code script} with the repository's Python (boto3), {@code argument} as sys.argv[1]; its output lines. */
    private static List<String> python(String script, String argument) throws Exception {
        var command = new ProcessBuilder(RepositoryFiles.python().toString(), "-c", script, argument);
        command.environment().keySet().removeIf(k -> k.startsWith("AWS_"));
        Process run = command.start();
        String stdout = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String stderr = new String(run.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(run.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(run.exitValue()).as("python failed:%n%s", stderr).isZero();
        return stdout.lines().toList();
    }
}
