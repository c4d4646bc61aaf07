package dev.agentcore.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.agentcore.client.Jwts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI end to end, in-process: WireMock plays the data plane, the control plane and the Cognito token endpoint;
 * configuration comes from a state file, environment variables and flags.
 */
class AgentCommandTest {

    static final String OAUTH_ARN = "arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/hello_agent-AbCdE12345";
    static final String SIGV4_ARN = "arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/iam_agent-ZyXwV98765";
    static final String CLIENT_SECRET = "client-secret-that-must-never-be-printed";

    static WireMockServer aws;

    @TempDir
    static Path repo;

    String accessToken;
    Cli cli;

    @BeforeAll
    static void start() throws Exception {
        aws = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        aws.start();
        Files.createDirectories(repo.resolve(".agentcore"));
        Files.writeString(repo.resolve(".agentcore/state.json"), """
                {"version":1,"region":"us-east-1","accountId":"123456789012",
                 "runtimes":[
                  {"name":"hello_agent","agentRuntimeId":"hello_agent-AbCdE12345","agentRuntimeArn":"%s",
                   "agentRuntimeVersion":"2","protocol":"HTTP","roleArn":"arn:aws:iam::123456789012:role/hello-role",
                   "workloadIdentityArn":"arn:aws:bedrock-agentcore:us-east-1:123456789012:workload-identity-directory/default/workload-identity/hello_agent-AbCdE12345",
                   "createdAt":"2025-09-30T12:00:00Z",
                   "authorizer":{"discoveryUrl":"%s","allowedClients":["%s"]},
                   "endpoints":[{"name":"DEFAULT","liveVersion":"2"}]},
                  {"name":"iam_agent","agentRuntimeId":"iam_agent-ZyXwV98765","agentRuntimeArn":"%s","protocol":"HTTP"}],
                 "cognito":{"userPoolId":"us-east-1_AbCdEf123","domain":"%s","clientId":"%s","scopes":["agentcore/invoke"]}}
                """.formatted(OAUTH_ARN, Jwts.DISCOVERY_URL, Jwts.CLIENT_ID, SIGV4_ARN, aws.baseUrl(), Jwts.CLIENT_ID));
    }

    @AfterAll
    static void stop() {
        aws.stop();
    }

    @BeforeEach
    void reset() {
        aws.resetAll();
        accessToken = Jwts.accessToken(Instant.now().plusSeconds(3600));
        aws.stubFor(post(urlEqualTo("/oauth2/token")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"access_token\":\"" + accessToken + "\",\"expires_in\":3600,\"token_type\":\"Bearer\"}")));
        Map<String, String> env = new HashMap<>();
        env.put("AWS_ENDPOINT_URL_BEDROCK_AGENTCORE", aws.baseUrl());
        env.put("AGENTCORE_CLIENT_SECRET", CLIENT_SECRET);
        cli = new Cli(env, repo.resolve("some/subdirectory"));
    }

    static String invokePath(String arn) {
        return "/runtimes/" + java.net.URLEncoder.encode(arn, java.nio.charset.StandardCharsets.UTF_8) + "/invocations";
    }

    static void dataPlane(String arn, ResponseDefinitionBuilder response) {
        aws.stubFor(post(urlPathEqualTo(invokePath(arn))).willReturn(response));
    }

    static ResponseDefinitionBuilder awsError(int status, String type, String message) {
        return aResponse().withStatus(status).withHeader("x-amzn-ErrorType", type).withHeader("x-amzn-RequestId", "cli-" + status)
                .withHeader("Content-Type", "application/json").withBody(message == null ? "" : "{\"message\":\"" + message + "\"}");
    }

    String[] lookups(String... args) {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--control-endpoint-url";
        all[args.length + 1] = aws.baseUrl();
        return all;
    }

    @Test
    void streamsAnOAuthAgentWithATokenFromTheStateFilesCognito() {
        dataPlane(OAUTH_ARN, aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream")
                .withBody("data: \"Hello\"\n\ndata: \", world\"\n\n"));

        Cli.Result result = cli.run("agent", "hello_agent", "--prompt", "Hi", "-H", "Tenant=acme", "-s",
                "conversation-1234567890-1234567890-123");

        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(result.out()).isEqualTo("Hello, world\n");
        aws.verify(postRequestedFor(urlEqualTo("/oauth2/token")).withRequestBody(containing("scope=agentcore%2Finvoke")));
        aws.verify(postRequestedFor(urlEqualTo(invokePath(OAUTH_ARN) + "?qualifier=DEFAULT"))
                .withHeader("Authorization", equalTo("Bearer " + accessToken))
                .withHeader("X-Amzn-Bedrock-AgentCore-Runtime-Session-Id", equalTo("conversation-1234567890-1234567890-123"))
                .withHeader("X-Amzn-Bedrock-AgentCore-Runtime-Custom-Tenant", equalTo("acme"))
                .withRequestBody(equalTo("{\"prompt\":\"Hi\"}")));
    }

    @Test
    void chatKeepsOneSessionAndFetchesTheTokenOnce() {
        dataPlane(OAUTH_ARN, aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream")
                .withBody("data: \"ok\"\n\n"));

        Cli.Result result = cli.runWithInput("first\n\nsecond\n", "agent", "hello_agent", "--chat",
                "-s", "chat-session-1234567890-1234567890-12");

        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(result.out()).isEqualTo("ok\nok\n");
        assertThat(result.err()).contains("session chat-session-1234567890-1234567890-12");
        aws.verify(1, postRequestedFor(urlEqualTo("/oauth2/token")));
        aws.verify(2, postRequestedFor(urlEqualTo(invokePath(OAUTH_ARN) + "?qualifier=DEFAULT"))
                .withHeader("X-Amzn-Bedrock-AgentCore-Runtime-Session-Id", equalTo("chat-session-1234567890-1234567890-12")));
        aws.verify(postRequestedFor(urlEqualTo(invokePath(OAUTH_ARN) + "?qualifier=DEFAULT"))
                .withRequestBody(equalTo("{\"prompt\":\"second\"}")));
    }

    @Test
    void aFailedChatTurnIsDiagnosedAndTheChatGoesOn() {
        dataPlane(SIGV4_ARN, awsError(429, "ThrottlingException", "Rate exceeded"));
        Cli.Result result = cli.runWithInput("one\ntwo\n", "agent", "iam_agent", "--chat", "--no-lookup");
        assertThat(result.exit()).isEqualTo(ExitCode.THROTTLED);
        assertThat(result.err().split("error: 429", -1)).hasSize(3);
    }

    @Test
    void aBusySessionIsRetriedAndSaidSoOnStderr() {
        aws.stubFor(post(urlPathEqualTo(invokePath(SIGV4_ARN))).inScenario("busy").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(awsError(409, "RetryableConflictException", "Session operation in progress, please retry"))
                .willSetStateTo("free"));
        aws.stubFor(post(urlPathEqualTo(invokePath(SIGV4_ARN))).inScenario("busy").whenScenarioStateIs("free")
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("{\"ok\":true}")));

        Cli.Result result = cli.run("agent", "iam_agent", "--prompt", "Hi", "--no-lookup");

        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(result.out()).contains("\"ok\" : true");
        assertThat(result.err()).containsPattern("note: 409 RetryableConflictException \\(Session operation in progress, "
                + "please retry\\): the session is busy; retrying in 0\\.[0-9]s \\(attempt 2 of 3\\)");
        aws.verify(2, postRequestedFor(urlPathEqualTo(invokePath(SIGV4_ARN))));
    }

    @Test
    void aSessionBusyThroughEveryRetryIsDiagnosedAndExitsSix() {
        dataPlane(SIGV4_ARN, awsError(409, "RetryableConflictException", "Session operation in progress, please retry"));
        Cli.Result result = cli.run("agent", "iam_agent", "--prompt", "Hi", "--no-lookup");
        assertThat(result.exit()).isEqualTo(ExitCode.THROTTLED);
        assertThat(result.err()).contains("attempt 3 of 3").contains("[AC640]").contains("through 3 attempts");
        aws.verify(3, postRequestedFor(urlPathEqualTo(invokePath(SIGV4_ARN))));
    }

    @Test
    void aSessionIdUnder33CharactersIsRefusedBeforeAnythingIsSent() {
        Cli.Result flag = cli.run("agent", "iam_agent", "--prompt", "Hi", "--session-id", "too-short-1234");
        assertThat(flag.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(flag.err()).isEqualTo("error: --session-id 'too-short-1234': session id must be 33 to 256 characters, "
                + "got 14; omit it to get a generated one (a UUID is 36 characters); nothing was sent\n");

        Map<String, String> env = new HashMap<>(cli.env());
        env.put("AGENTCORE_SESSION_ID", "abc");
        Cli.Result variable = new Cli(env, cli.workingDirectory()).run("mcp", "tools", "iam_agent");
        assertThat(variable.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(variable.err()).startsWith("error: AGENTCORE_SESSION_ID 'abc': session id must be 33 to 256 characters, got 3")
                .hasLineCount(1);
        assertThat(aws.getAllServeEvents()).isEmpty();
    }

    @Test
    void payloadFromStandardInput() {
        dataPlane(SIGV4_ARN, aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("{}"));
        assertThat(cli.runWithInput("{\"prompt\":\"stdin\"}", "agent", "iam_agent", "-").exit()).isZero();
        aws.verify(postRequestedFor(urlPathEqualTo(invokePath(SIGV4_ARN))).withRequestBody(equalTo("{\"prompt\":\"stdin\"}")));
    }

    @Test
    void forbiddenWithAValidTokenIsTheWorkloadAccessTokenStoryAndExitsThree() {
        dataPlane(OAUTH_ARN, aResponse().withStatus(403));

        Cli.Result result = cli.run("agent", "hello_agent", "{\"prompt\":\"Hi\"}", "--no-lookup");

        assertThat(result.exit()).isEqualTo(ExitCode.AUTH);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).startsWith("error: 403 from runtime hello_agent-AbCdE12345 (endpoint DEFAULT)")
                .contains("GetWorkloadAccessTokenForJWT")
                .contains("arn:aws:iam::123456789012:role/hello-role")
                .contains("workload-identity/hello_agent-AbCdE12345")
                .contains("CloudTrail").contains("policy-lint --runtimes .agentcore/state.json")
                .contains("--verbose")
                .doesNotContain(accessToken).doesNotContain(CLIENT_SECRET);

        Cli.Result verbose = cli.run("agent", "hello_agent", "{\"prompt\":\"Hi\"}", "--no-lookup", "--verbose");
        assertThat(verbose.err()).contains("Token claims:").contains("client_id:  " + Jwts.CLIENT_ID)
                .contains("Authorization: Bearer " + accessToken.substring(0, 8) + "…")
                .contains("runtime ARN: " + OAUTH_ARN)
                .doesNotContain(accessToken).doesNotContain(CLIENT_SECRET);
    }

    @Test
    void sigV4RuntimeWithAWrongQualifierListsTheEndpointsAndExitsFour() {
        dataPlane(SIGV4_ARN, awsError(404, "ResourceNotFoundException", "No endpoint named prod"));
        aws.stubFor(get(urlEqualTo("/runtimes/iam_agent-ZyXwV98765/")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"agentRuntimeArn":"%s","agentRuntimeName":"iam_agent","agentRuntimeId":"iam_agent-ZyXwV98765",
                         "agentRuntimeVersion":"4","createdAt":"2025-09-30T12:00:00Z","lastUpdatedAt":"2025-09-30T12:00:00Z",
                         "roleArn":"arn:aws:iam::123456789012:role/r","status":"READY","networkConfiguration":{"networkMode":"PUBLIC"},
                         "lifecycleConfiguration":{"idleRuntimeSessionTimeout":900,"maxLifetime":28800}}
                        """.formatted(SIGV4_ARN))));
        aws.stubFor(post(urlEqualTo("/runtimes/iam_agent-ZyXwV98765/runtime-endpoints/")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"runtimeEndpoints":[{"name":"DEFAULT","liveVersion":"4","agentRuntimeEndpointArn":"%s/runtime-endpoint/DEFAULT",
                          "agentRuntimeArn":"%s","status":"READY","id":"d","createdAt":"2025-09-30T12:00:00Z","lastUpdatedAt":"2025-09-30T12:00:00Z"}]}
                        """.formatted(SIGV4_ARN, SIGV4_ARN))));

        Cli.Result result = cli.run(lookups("agent", "iam_agent", "--prompt", "Hi", "-q", "prod"));

        assertThat(result.exit()).as(result.err()).isEqualTo(ExitCode.NOT_FOUND);
        assertThat(result.err()).contains("'prod' names no endpoint").contains("DEFAULT (version 4, READY)")
                .contains("--qualifier DEFAULT");
        aws.verify(postRequestedFor(urlEqualTo(invokePath(SIGV4_ARN) + "?qualifier=prod"))
                .withHeader("Authorization", matching("AWS4-HMAC-SHA256 Credential=AKIDCLITEST/.*/us-east-1/bedrock-agentcore/aws4_request.*")));
    }

    @Test
    void containerFailureExitsFiveAndNamesTheLogGroup() {
        dataPlane(SIGV4_ARN, awsError(424, "RuntimeClientError", "Received error (500) from runtime. Please check your CloudWatch logs for more information."));
        Cli.Result result = cli.run("agent", SIGV4_ARN, "--prompt", "Hi", "--no-lookup", "-q", "dev");
        assertThat(result.exit()).isEqualTo(ExitCode.RUNTIME_ERROR);
        assertThat(result.err()).contains("/aws/bedrock-agentcore/runtimes/iam_agent-ZyXwV98765-dev");
    }

    @Test
    void throttlingServerErrorsAndRefusedConnectionsHaveTheirOwnExitCodes() throws Exception {
        dataPlane(SIGV4_ARN, awsError(429, "ThrottlingException", "Rate exceeded"));
        assertThat(cli.run("agent", "iam_agent", "--prompt", "Hi", "--no-lookup").exit()).isEqualTo(ExitCode.THROTTLED);
        dataPlane(SIGV4_ARN, awsError(500, "InternalServerException", "oops"));
        assertThat(cli.run("agent", "iam_agent", "--prompt", "Hi", "--no-lookup").exit()).isEqualTo(ExitCode.SERVICE_ERROR);
        int closed;
        try (var socket = new java.net.ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        Cli.Result refused = cli.run("agent", "hello_agent", "--prompt", "Hi", "--endpoint-url", "http://127.0.0.1:" + closed);
        assertThat(refused.exit()).isEqualTo(ExitCode.NETWORK);
        assertThat(refused.err()).contains("Nothing listens at 127.0.0.1:" + closed + " (from --endpoint-url)");
    }

    @Test
    void agentErrorInTheStreamExitsFive() {
        dataPlane(SIGV4_ARN, aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream")
                .withBody("data: \"partial\"\n\ndata: {\"error\":\"boom\",\"error_type\":\"ValueError\",\"message\":\"An error occurred during streaming\"}\n\n"));
        Cli.Result result = cli.run("agent", "iam_agent", "--prompt", "Hi");
        assertThat(result.exit()).isEqualTo(ExitCode.RUNTIME_ERROR);
        assertThat(result.out()).startsWith("partial");
        assertThat(result.err()).contains("the agent reported an error in its stream: boom");
    }

    @Test
    void malformedArnIsCaughtBeforeAnyRequest() {
        Cli.Result result = cli.run("agent", "arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/hello_agent-AbCdE12345/runtime-endpoint/dev",
                "--prompt", "Hi");
        assertThat(result.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(result.err()).contains("runtime endpoint ARN").contains("--qualifier dev").contains("Expected arn:aws:bedrock-agentcore:")
                .doesNotContain("Exception").hasLineCount(1);
        assertThat(aws.getAllServeEvents()).isEmpty();
    }

    @Test
    void badInputGetsOneClearLineAndExitTwo(@TempDir Path other) throws Exception {
        Files.writeString(other.resolve("state.json"), "{\"runtimes\": [ {\"name\": } ]}");
        Cli.Result badState = cli.run("agent", "x", "--prompt", "Hi", "--state-file", other.resolve("state.json").toString());
        assertThat(badState.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(badState.err()).startsWith("error: " + other.resolve("state.json") + ":1:").hasLineCount(1);

        Cli.Result unknown = cli.run("agent", "nope", "--prompt", "Hi");
        assertThat(unknown.err()).contains("no runtime 'nope' in the state file (it lists hello_agent, iam_agent)");

        Cli.Result notJson = cli.run("agent", "iam_agent", "{prompt: hi}");
        assertThat(notJson.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(notJson.err()).contains("is not JSON (line 1, column 2)").contains("--prompt");

        Cli.Result shortSession = cli.run("agent", "iam_agent", "--prompt", "Hi", "-s", "abc");
        assertThat(shortSession.err()).contains("33 to 256 characters, got 3");

        Cli.Result noToken = new Cli(Map.of(), repo).run("agent", "hello_agent", "--prompt", "Hi");
        assertThat(noToken.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(noToken.err()).contains("takes OAuth bearer tokens, but no token is configured").contains("AGENTCORE_BEARER_TOKEN");
        assertThat(aws.getAllServeEvents()).isEmpty();
    }

    @Test
    void unexpectedErrorsAreOneLineUnlessDebug() {
        dataPlane(SIGV4_ARN, aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("{\"ok\":true}"));
        Cli.Result ok = cli.run("agent", "iam_agent", "--prompt", "Hi", "--verbose");
        assertThat(ok.out()).isEqualTo("{\n  \"ok\" : true\n}\n");
        assertThat(ok.err()).contains("session id: ");
        Cli.Result missingFile = cli.run("agent", "iam_agent", "@no-such-file.json");
        assertThat(missingFile.err()).isEqualTo("error: payload file no-such-file.json: no such file\n");
        Cli.Result debug = cli.run("agent", "iam_agent", "@no-such-file.json", "--debug");
        assertThat(debug.err()).contains("at dev.agentcore.cli.");
    }

    @Test
    void tokenCommandShowsClaimsButNeverTheToken() {
        Cli.Result result = cli.run("token");
        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(result.out()).contains("client_id:  " + Jwts.CLIENT_ID).contains("token_use:  access")
                .contains("expires in").contains(accessToken.substring(0, 8) + "…").doesNotContain(accessToken);

        aws.stubFor(post(urlEqualTo("/oauth2/token")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withBody("{\"error\":\"invalid_client\"}")));
        Cli.Result refused = cli.run("token", "--verbose");
        assertThat(refused.exit()).isEqualTo(ExitCode.AUTH);
        assertThat(refused.err()).contains("invalid_client").doesNotContain(CLIENT_SECRET);
    }

    @Test
    void aTokenPastedWithoutItsFlagIsNotEchoedInTheUsageError() {
        // `agentcore-invoke token "$JWT"` instead of AGENTCORE_BEARER_TOKEN="$JWT": picocli quotes what it cannot place.
        Cli.Result token = cli.run("token", accessToken);
        assertThat(token.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(token.err()).contains("Unmatched argument").contains(accessToken.substring(0, 8) + "…")
                .doesNotContain(accessToken);

        Cli.Result mcp = cli.run("mcp", "tools", OAUTH_ARN, "Bearer " + accessToken);
        assertThat(mcp.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(mcp.err()).contains("Unmatched argument").doesNotContain(accessToken);
        assertThat(aws.getAllServeEvents()).isEmpty();
    }

    @Test
    void sessionIdAndHelpWithExamplesForEveryCommand() {
        assertThat(cli.run("session-id").out().strip()).hasSize(36);
        for (String[] command : new String[][] {{"--help"}, {"agent", "--help"}, {"mcp", "--help"}, {"mcp", "tools", "--help"},
                {"mcp", "call", "--help"}, {"token", "--help"}, {"session-id", "--help"}}) {
            Cli.Result help = cli.run(command);
            assertThat(help.exit()).isZero();
            assertThat(help.out()).as(String.join(" ", command)).contains("Example").contains("agentcore-invoke ");
        }
        assertThat(cli.run("agent", "--help").out()).contains("Exit codes:").contains("8  network");
        assertThat(cli.run().exit()).isEqualTo(ExitCode.USAGE);
    }
}
