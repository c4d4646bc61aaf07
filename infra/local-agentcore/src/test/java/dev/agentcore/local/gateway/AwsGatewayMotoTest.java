package dev.agentcore.local.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.agentcore.core.arn.RuntimeArn;
import dev.agentcore.core.runtime.SessionId;
import dev.agentcore.local.auth.MotoCredentialsDirectory;
import dev.agentcore.local.data.AwsIamDirectory;
import dev.agentcore.local.hosting.ExecutionRoleCredentials;
import dev.agentcore.local.hosting.ExecutionRoleRefusedException;
import dev.agentcore.local.hosting.StsExecutionRoleCredentials;
import dev.agentcore.local.runner.AwsCredentials;
import dev.agentcore.testing.MotoServer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.Protocol;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamResponseHandler;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The AWS gateway against real parts: moto from .venv (one per class), a role created in its IAM, the role's session
 * credentials from its STS (as a session's process gets them), and the real AWS SDK for Java's CloudWatch Logs, STS
 * and Bedrock runtime clients pointed at the gateway.
 */
class AwsGatewayMotoTest {

    static final String ACCOUNT = "123456789012";
    static final String ROLE_NAME = "agent_execution";
    static final String ROLE = "arn:aws:iam::123456789012:role/" + ROLE_NAME;
    static final RuntimeArn RUNTIME = RuntimeArn.parse("arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/agent-AbCdEfGhIj");
    static final SessionId SESSION = new SessionId("gateway-session-0123456789-0123456789");
    static final String GROUP = "/aws/bedrock-agentcore/runtimes/agent-AbCdEfGhIj-DEFAULT";
    static final String ALLOWED_MODEL = "us.anthropic.claude-sonnet-4-6";
    static final String TRUST = """
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
             "Principal": {"Service": "bedrock-agentcore.amazonaws.com"}, "Action": "sts:AssumeRole",
             "Condition": {"StringEquals": {"aws:SourceAccount": "123456789012"},
                           "ArnLike": {"aws:SourceArn": "arn:aws:bedrock-agentcore:us-east-1:123456789012:*"}}}]}""";
    /** The developer guide's logs grants without PutLogEvents, and one model through its US inference profile. */
    static final String POLICY = """
            {"Version": "2012-10-17", "Statement": [
             {"Effect": "Allow", "Action": ["logs:CreateLogGroup", "logs:DescribeLogStreams"],
              "Resource": "arn:aws:logs:us-east-1:123456789012:log-group:/aws/bedrock-agentcore/runtimes/*"},
             {"Effect": "Allow", "Action": "logs:CreateLogStream",
              "Resource": "arn:aws:logs:us-east-1:123456789012:log-group:/aws/bedrock-agentcore/runtimes/*:log-stream:*"},
             {"Effect": "Allow", "Action": ["bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream"],
              "Resource": ["arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.anthropic.*",
                           "arn:aws:bedrock:us-east-1::foundation-model/anthropic.*"]}]}""";

    static MotoServer moto;
    static IamClient iam;
    static AwsGateway gateway;
    static AwsCredentials session;
    static final ByteArrayOutputStream log = new ByteArrayOutputStream();

    @BeforeAll
    static void start() throws Exception {
        moto = MotoServer.start();
        var motoKeys = StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));
        iam = IamClient.builder().endpointOverride(moto.endpoint()).region(Region.AWS_GLOBAL)
                .credentialsProvider(motoKeys).httpClient(UrlConnectionHttpClient.create()).build();
        iam.createRole(r -> r.roleName(ROLE_NAME).assumeRolePolicyDocument(TRUST));
        iam.putRolePolicy(r -> r.roleName(ROLE_NAME).policyName("execution").policyDocument(POLICY));
        iam.createRole(r -> r.roleName("lambda_only").assumeRolePolicyDocument(TRUST
                .replace("bedrock-agentcore.amazonaws.com", "lambda.amazonaws.com")));
        try (StsClient sts = StsClient.builder().endpointOverride(moto.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(motoKeys).httpClient(UrlConnectionHttpClient.create()).build()) {
            session = new StsExecutionRoleCredentials(sts, iam).forSession(new ExecutionRoleCredentials.Request(ROLE,
                    RUNTIME, SESSION, Duration.ofHours(8)));
            assertThatThrownBy(() -> new StsExecutionRoleCredentials(sts, iam).forSession(
                    new ExecutionRoleCredentials.Request("arn:aws:iam::123456789012:role/lambda_only", RUNTIME, SESSION,
                            Duration.ofHours(1))))
                    .isInstanceOf(ExecutionRoleRefusedException.class)
                    .hasMessageContaining("does not allow bedrock-agentcore.amazonaws.com to assume it");
        }
        gateway = AwsGateway.builder(moto.endpoint()).region("us-east-1").accountId(ACCOUNT)
                .credentials(new MotoCredentialsDirectory(moto.endpoint())).iam(new AwsIamDirectory(iam))
                .log(new PrintStream(log, true, StandardCharsets.UTF_8)).start();
    }

    @AfterAll
    static void stop() throws Exception {
        gateway.close();
        iam.close();
        moto.close();
    }

    static AwsCredentialsProvider sessionKeys() {
        return StaticCredentialsProvider.create(AwsSessionCredentials.create(session.accessKeyId(),
                session.secretAccessKey(), session.sessionToken().orElseThrow()));
    }

    static CloudWatchLogsClient logs(AwsCredentialsProvider keys, java.net.URI endpoint) {
        return CloudWatchLogsClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1).credentialsProvider(keys)
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(ClientOverrideConfiguration.builder().retryStrategy(r -> r.maxAttempts(1)).build())
                .build();
    }

    static String roleSession() {
        return "arn:aws:sts::123456789012:assumed-role/" + ROLE_NAME + "/BedrockAgentCore-" + SESSION.value();
    }

    @Test
    void putLogEventsIsRefusedAsCloudWatchLogsRefusesItThenReachesMotoOnceGranted() {
        try (CloudWatchLogsClient agent = logs(sessionKeys(), gateway.endpoint());
             CloudWatchLogsClient direct = logs(StaticCredentialsProvider.create(AwsBasicCredentials.create("local",
                     "local")), moto.endpoint())) {
            agent.createLogGroup(r -> r.logGroupName(GROUP));
            agent.createLogStream(r -> r.logGroupName(GROUP).logStreamName("runtime-logs"));
            InputLogEvent event = InputLogEvent.builder().timestamp(System.currentTimeMillis()).message("hello from the agent")
                    .build();

            assertThatThrownBy(() -> agent.putLogEvents(r -> r.logGroupName(GROUP).logStreamName("runtime-logs")
                    .logEvents(event)))
                    .isInstanceOfSatisfying(AwsServiceException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(400);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
                        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("User: " + roleSession()
                                + " is not authorized to perform: logs:PutLogEvents on resource: arn:aws:logs:us-east-1:"
                                + "123456789012:log-group:" + GROUP + ":log-stream:runtime-logs because no"
                                + " identity-based policy allows the logs:PutLogEvents action");
                    });

            iam.putRolePolicy(r -> r.roleName(ROLE_NAME).policyName("logs-put").policyDocument("""
                    {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "logs:PutLogEvents",
                     "Resource": "arn:aws:logs:us-east-1:123456789012:log-group:/aws/bedrock-agentcore/runtimes/*:log-stream:*"}]}"""));
            agent.putLogEvents(r -> r.logGroupName(GROUP).logStreamName("runtime-logs").logEvents(event));

            List<String> stored = direct.getLogEvents(r -> r.logGroupName(GROUP).logStreamName("runtime-logs"))
                    .events().stream().map(OutputLogEvent::message).toList();
            assertThat(stored).containsExactly("hello from the agent");
        }
    }

    @Test
    void getCallerIdentityIsNeverDeniedAndNamesTheRoleSession() {
        try (StsClient agent = StsClient.builder().endpointOverride(gateway.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(sessionKeys()).httpClient(UrlConnectionHttpClient.create()).build()) {
            assertThat(agent.getCallerIdentity().arn()).isEqualTo(roleSession());
        }
    }

    @Test
    void anUnknownKeyIsRefusedAsTheServiceRefusesIt() {
        try (CloudWatchLogsClient stranger = logs(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                "AKIDNOBODYOWNSTHIS1", "nope")), gateway.endpoint())) {
            assertThatThrownBy(() -> stranger.describeLogGroups())
                    .isInstanceOfSatisfying(AwsServiceException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(403);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("UnrecognizedClientException");
                    });
        }
    }

    @Test
    void converseStreamAnswersFromTheLocalModelWhenAllowedAndAsBedrockRefusesOtherwise() {
        try (BedrockRuntimeAsyncClient bedrock = BedrockRuntimeAsyncClient.builder().endpointOverride(gateway.endpoint())
                .region(Region.US_EAST_1).credentialsProvider(sessionKeys())
                // The SDK's default for this service is HTTP/2, which on an http:// endpoint means h2c prior knowledge;
                // the gateway (the JDK's server) speaks HTTP/1.1. See the README's gateway section.
                .httpClientBuilder(NettyNioAsyncHttpClient.builder().protocol(Protocol.HTTP1_1))
                .overrideConfiguration(ClientOverrideConfiguration.builder().retryStrategy(r -> r.maxAttempts(1)).build())
                .build()) {
            Message hi = Message.builder().role(ConversationRole.USER).content(ContentBlock.fromText("hi there")).build();

            List<String> deltas = new CopyOnWriteArrayList<>();
            List<String> stops = new CopyOnWriteArrayList<>();
            bedrock.converseStream(r -> r.modelId(ALLOWED_MODEL).messages(hi), ConverseStreamResponseHandler.builder()
                    .subscriber(ConverseStreamResponseHandler.Visitor.builder()
                            .onContentBlockDelta(d -> deltas.add(d.delta().text()))
                            .onMessageStop(s -> stops.add(s.stopReasonAsString()))
                            .build())
                    .build()).join();
            assertThat(String.join("", deltas)).isEqualTo("[local model] You said: hi there");
            assertThat(deltas).hasSizeGreaterThan(1);
            assertThat(stops).containsExactly("end_turn");

            assertThat(bedrock.converse(r -> r.modelId(ALLOWED_MODEL).messages(hi)).join().output().message().content()
                    .getFirst().text()).isEqualTo("[local model] You said: hi there");

            assertThatThrownBy(() -> bedrock.converseStream(r -> r.modelId("amazon.nova-pro-v1:0").messages(hi),
                    ConverseStreamResponseHandler.builder().subscriber(e -> { }).build()).join())
                    .isInstanceOf(CompletionException.class)
                    .cause().isInstanceOfSatisfying(AwsServiceException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(403);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
                        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("User: " + roleSession()
                                + " is not authorized to perform: bedrock:InvokeModelWithResponseStream on resource:"
                                + " arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-pro-v1:0 because no"
                                + " identity-based policy allows the bedrock:InvokeModelWithResponseStream action");
                    });
        }
    }

    @Test
    void anOperationWithoutARuleIsForwardedAndSaidOnce() {
        try (CloudWatchLogsClient agent = logs(sessionKeys(), gateway.endpoint())) {
            agent.listTagsForResource(r -> r.resourceArn("arn:aws:logs:us-east-1:123456789012:log-group:" + GROUP));
            agent.listTagsForResource(r -> r.resourceArn("arn:aws:logs:us-east-1:123456789012:log-group:" + GROUP));
        } catch (AwsServiceException e) {
            // moto's own answer (the group may not exist yet) is fine: the point is that it was forwarded.
        }
        String text = log.toString(StandardCharsets.UTF_8);
        String line = "logs ListTagsForResource is not in the gateway's rules: forwarded to the local AWS without an IAM"
                + " check";
        assertThat(text).contains(line);
        assertThat(text.indexOf(line)).isEqualTo(text.lastIndexOf(line));
    }
}
