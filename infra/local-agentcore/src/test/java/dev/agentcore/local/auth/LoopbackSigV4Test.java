package dev.agentcore.local.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.agentcore.core.arn.PrincipalArn;
import dev.agentcore.local.http.Response;
import dev.agentcore.local.http.Router;
import dev.agentcore.local.http.ServiceServer;
import dev.agentcore.testing.RepositoryFiles;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockagentcore.BedrockAgentCoreClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two real SDKs against a loopback server whose routes sit behind a verifying authenticator: the AWS SDK for Java's
 * bedrock-agentcore client (InvokeAgentRuntime, the runtime ARN URL-encoded in the path) and boto3 from the
 * repository's .venv (the same call, and a presigned WebSocket URL as botocore's SigV4QueryAuth writes it).
 */
class LoopbackSigV4Test {

    static final PrincipalArn ALICE = PrincipalArn.parse("arn:aws:iam::123456789012:user/alice").orElseThrow();
    static final PrincipalArn SESSION = PrincipalArn.assumedRole("arn:aws:iam::123456789012:role/caller", "boto");
    static final String TOKEN = "IQoJb3JpZ2luX2VjEDMaCXVzLWVhc3QtMSJHMEUCIQ/token+with/slashes==";
    static final AwsBasicCredentials ALICE_KEY = AwsBasicCredentials.create("AKIALOOPBACKALICE001", "alice+secret/key");
    static final AwsSessionCredentials SESSION_KEY = AwsSessionCredentials.create("ASIALOOPBACKSESSION1",
            "session/secret+key", TOKEN);
    static final String RUNTIME_ARN = "arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/hello_agent-AbCdE12345";

    static ServiceServer server;
    static final ByteArrayOutputStream LOG = new ByteArrayOutputStream();

    @BeforeAll
    static void start() throws Exception {
        var directory = new InMemoryCredentialsDirectory()
                .register(SigningCredentials.longTerm(ALICE_KEY.accessKeyId(), ALICE_KEY.secretAccessKey(), ALICE))
                .register(SigningCredentials.session(SESSION_KEY.accessKeyId(), SESSION_KEY.secretAccessKey(), TOKEN,
                        SESSION, Optional.empty()));
        var authenticator = SigV4Authenticator.builder("us-east-1", "bedrock-agentcore").credentials(directory).build();
        Router router = new Router();
        router.add("POST", "/runtimes/{agentRuntimeArn}/invocations", "InvokeAgentRuntime", request -> {
            SigV4Request signer = authenticator.authenticate(request);
            var body = Response.JSON.createObjectNode()
                    .put("principal", signer.principal().orElseThrow().toString())
                    .put("runtime", request.pathLabel("agentRuntimeArn"))
                    .put("qualifier", request.query("qualifier").orElse(""))
                    .put("payload", new String(request.body(), StandardCharsets.UTF_8));
            return Response.json(200, body);
        });
        router.add("GET", "/runtimes/{agentRuntimeArn}/ws", "InvokeAgentRuntimeWebSocket",
                authenticator.require(request -> Response.json(200, Response.JSON.createObjectNode()
                        .put("runtime", request.pathLabel("agentRuntimeArn")))));
        server = ServiceServer.start(new InetSocketAddress("127.0.0.1", 0), router, new PrintStream(LOG, true));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    static BedrockAgentCoreClient client(AwsCredentials credentials) {
        return BedrockAgentCoreClient.builder()
                .region(Region.US_EAST_1)
                .endpointOverride(server.endpoint())
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .credentialsProvider(StaticCredentialsProvider.create(credentials))
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .retryStrategy(retry -> retry.maxAttempts(1)).build())
                .build();
    }

    static JsonNode invoke(AwsCredentials credentials) throws Exception {
        try (var client = client(credentials);
             var answer = client.invokeAgentRuntime(r -> r.agentRuntimeArn(RUNTIME_ARN).qualifier("DEFAULT")
                     .contentType("application/json")
                     .payload(SdkBytes.fromUtf8String("{\"prompt\":\"caf\u00e9 \u2713\"}")))) {
            return JsonMapper.builder().build().readTree(answer.readAllBytes());
        }
    }

    @Test
    void theJavaSdkInvokesWithAKeyAndWithSessionCredentials() throws Exception {
        JsonNode asAlice = invoke(ALICE_KEY);
        assertThat(asAlice.path("principal").asString()).isEqualTo(ALICE.toString());
        assertThat(asAlice.path("runtime").asString()).isEqualTo(RUNTIME_ARN);
        assertThat(asAlice.path("qualifier").asString()).isEqualTo("DEFAULT");
        assertThat(asAlice.path("payload").asString()).isEqualTo("{\"prompt\":\"caf\u00e9 \u2713\"}");

        assertThat(invoke(SESSION_KEY).path("principal").asString())
                .isEqualTo("arn:aws:sts::123456789012:assumed-role/caller/boto");
    }

    @Test
    void theJavaSdkWithAWrongSecretOrAnUnknownKeyIsRefusedAsOnAws() {
        var wrongSecret = catchThrowableOfType(AwsServiceException.class,
                () -> invoke(AwsBasicCredentials.create(ALICE_KEY.accessKeyId(), "not-the-secret")));
        assertThat(wrongSecret.statusCode()).isEqualTo(403);
        assertThat(wrongSecret.awsErrorDetails().errorCode()).isEqualTo("InvalidSignatureException");
        assertThat(wrongSecret.awsErrorDetails().errorMessage()).startsWith(SigV4Authenticator.SIGNATURE_MISMATCH)
                .contains("\n/runtimes/arn%253Aaws%253Abedrock-agentcore%253Aus-east-1%253A123456789012%253Aruntime"
                        + "%252Fhello_agent-AbCdE12345/invocations\nqualifier=DEFAULT\n");

        var unknown = catchThrowableOfType(AwsServiceException.class,
                () -> invoke(AwsBasicCredentials.create("AKIANOBODYKNOWS00001", "x")));
        assertThat(unknown.statusCode()).isEqualTo(403);
        assertThat(unknown.awsErrorDetails().errorCode()).isEqualTo("UnrecognizedClientException");
        assertThat(unknown.awsErrorDetails().errorMessage()).isEqualTo("The security token included in the request is invalid.");
    }

    static final String BOTO = """
            import json, sys, urllib.request, urllib.error
            from urllib.parse import quote, urlsplit
            import boto3
            from botocore.auth import SigV4QueryAuth
            from botocore.awsrequest import AWSRequest
            from botocore.config import Config
            from botocore.credentials import Credentials
            from botocore.exceptions import ClientError

            endpoint, arn = sys.argv[1], sys.argv[2]
            keys = json.loads(sys.argv[3])
            out = {}
            for name, (key, secret, token) in keys.items():
                client = boto3.client('bedrock-agentcore', endpoint_url=endpoint, region_name='us-east-1',
                                      aws_access_key_id=key, aws_secret_access_key=secret, aws_session_token=token,
                                      config=Config(retries={'max_attempts': 1}))
                try:
                    answer = client.invoke_agent_runtime(agentRuntimeArn=arn, qualifier='DEFAULT',
                                                         contentType='application/json',
                                                         payload=json.dumps({'prompt': 'caf\\u00e9'}).encode())
                    out[name] = json.loads(answer['response'].read())
                except ClientError as e:
                    out[name] = {'code': e.response['Error']['Code'],
                                 'status': e.response['ResponseMetadata']['HTTPStatusCode']}
                # A presigned WebSocket URL, as bedrock_agentcore's runtime client signs it (host with our port).
                url = endpoint + '/runtimes/' + quote(arn, safe='') + '/ws?qualifier=DEFAULT'
                request = AWSRequest(method='GET', url=url, headers={'host': urlsplit(url).netloc})
                SigV4QueryAuth(Credentials(key, secret, token), 'bedrock-agentcore', 'us-east-1', expires=300).add_auth(request)
                try:
                    with urllib.request.urlopen(request.url) as answer:
                        out[name + '-presigned'] = json.loads(answer.read())
                except urllib.error.HTTPError as e:
                    out[name + '-presigned'] = {'code': e.headers.get('x-amzn-ErrorType'), 'status': e.code}
            print(json.dumps(out))
            """;

    @Test
    void boto3SignsRequestsAndPresignedUrlsTheJavaSideAccepts() throws Exception {
        String keys = JsonMapper.builder().build().writeValueAsString(java.util.Map.of(
                "alice", java.util.Arrays.asList(ALICE_KEY.accessKeyId(), ALICE_KEY.secretAccessKey(), null),
                "session", java.util.List.of(SESSION_KEY.accessKeyId(), SESSION_KEY.secretAccessKey(), TOKEN),
                "wrong", java.util.Arrays.asList(ALICE_KEY.accessKeyId(), "wrong-secret", null)));
        var command = new ProcessBuilder(RepositoryFiles.python().toString(), "-c", BOTO,
                server.endpoint().toString(), RUNTIME_ARN, keys);
        command.environment().keySet().removeIf(k -> k.startsWith("AWS_"));
        command.environment().put("AWS_CONFIG_FILE", "/dev/null");
        command.environment().put("AWS_SHARED_CREDENTIALS_FILE", "/dev/null");
        Process run = command.start();
        String stdout = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String stderr = new String(run.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(run.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(run.exitValue()).as("boto3 failed:%n%s%nserver log:%n%s", stderr, LOG).isZero();

        JsonNode out = JsonMapper.builder().build().readTree(stdout);
        assertThat(out.path("alice").path("principal").asString()).as(stdout).isEqualTo(ALICE.toString());
        assertThat(out.path("alice").path("runtime").asString()).isEqualTo(RUNTIME_ARN);
        assertThat(out.path("alice").path("payload").asString()).isEqualTo("{\"prompt\": \"caf\\u00e9\"}");
        assertThat(out.path("session").path("principal").asString()).isEqualTo(SESSION.toString());
        assertThat(out.path("alice-presigned").path("runtime").asString()).isEqualTo(RUNTIME_ARN);
        assertThat(out.path("session-presigned").path("runtime").asString()).isEqualTo(RUNTIME_ARN);
        assertThat(out.path("wrong").path("code").asString()).isEqualTo("InvalidSignatureException");
        assertThat(out.path("wrong").path("status").asInt()).isEqualTo(403);
        assertThat(out.path("wrong-presigned").path("code").asString()).isEqualTo("InvalidSignatureException");
    }
}
