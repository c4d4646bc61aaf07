package dev.agentcore.local;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.agentcore.core.arn.AgentCoreArns;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * {@code --self-check}: starts a local AgentCore on a free port, sends every runtime operation to it over HTTP (a
 * runtime's whole life, an endpoint's, and the errors), signed with the static pair by the SDK's SigV4 signer, and says
 * whether each answered as expected. It is also the
 * training run of the launcher's start-up cache (bin/local-agentcore), so the cache holds what serving loads.
 */
final class SelfCheck {

    private static final Pattern RUNTIME_ID = Pattern.compile("\"agentRuntimeId\":\"([^\"]+)\"");
    private static final Pattern STATUS = Pattern.compile("\"status\":\"([A-Z_]+)\"");

    private record Answer(int status, String body) {
    }

    private final int port;
    private final String region;
    private final List<String> failures = new ArrayList<>();

    private SelfCheck(int port, String region) {
        this.port = port;
        this.region = region;
    }

    /** Runs the check; true when every answer was the expected one. */
    static boolean run(PrintStream out) throws IOException {
        var config = LocalAgentCoreConfig.builder().provisioningDelay(Duration.ofMillis(10)).log(out).build();
        try (LocalAgentCore agentCore = LocalAgentCore.start(config)) {
            SelfCheck check = new SelfCheck(agentCore.port(), agentCore.region());
            check.exercise();
            check.failures.forEach(f -> out.println("local-agentcore self-check: " + f));
            out.println("local-agentcore self-check: " + (check.failures.isEmpty() ? "ok" : check.failures.size() + " failed"));
            return check.failures.isEmpty();
        }
    }

    private void exercise() throws IOException {
        expect("unsigned", send("POST", "/runtimes/", null, Signer.NONE), 403);
        Answer wrong = expect("wrong secret", send("POST", "/runtimes/", null, Signer.WRONG_SECRET), 403);
        if (!wrong.body().contains("The request signature we calculated does not match")) {
            failures.add("wrong secret: expected AWS's signature mismatch, got " + wrong.body());
        }
        String create = """
                {"agentRuntimeName":"self_check","agentRuntimeArtifact":{"containerConfiguration":{"containerUri":
                "123456789012.dkr.ecr.us-east-1.amazonaws.com/self-check:1"}},"roleArn":"arn:aws:iam::123456789012:role/self",
                "protocolConfiguration":{"serverProtocol":"MCP"},"lifecycleConfiguration":{"idleRuntimeSessionTimeout":120},
                "environmentVariables":{"A":"b"},"clientToken":"self-check-0123456789-0123456789-0123456789"}""";
        Answer created = expect("CreateAgentRuntime", send("PUT", "/runtimes/", create, Signer.STATIC_PAIR), 202);
        Matcher id = RUNTIME_ID.matcher(created.body());
        if (!id.find()) {
            failures.add("CreateAgentRuntime answered no agentRuntimeId: " + created.body());
            return;
        }
        String runtime = "/runtimes/" + id.group(1) + "/";
        awaitReady(runtime);
        expect("CreateAgentRuntime (taken name)", send("PUT", "/runtimes/", create.replace("self-check-0", "self-check-1"), Signer.STATIC_PAIR), 409);
        expect("CreateAgentRuntime (invalid)", send("PUT", "/runtimes/", "{\"agentRuntimeName\":\"bad-name\"}", Signer.STATIC_PAIR), 400);
        expect("CreateAgentRuntime (not JSON)", send("PUT", "/runtimes/", "{", Signer.STATIC_PAIR), 400);
        expect("UpdateAgentRuntime", send("PUT", runtime, """
                {"agentRuntimeArtifact":{"containerConfiguration":{"containerUri":
                "123456789012.dkr.ecr.us-east-1.amazonaws.com/self-check:2"}},"roleArn":"arn:aws:iam::123456789012:role/self",
                "metadataConfiguration":{"requireMMDSV2":true}}""", Signer.STATIC_PAIR), 202);
        awaitReady(runtime);
        expect("GetAgentRuntime (version 1)", send("GET", runtime + "?version=1", null, Signer.STATIC_PAIR), 200);
        expect("ListAgentRuntimes", send("POST", "/runtimes/?maxResults=1", null, Signer.STATIC_PAIR), 200);
        expect("ListAgentRuntimeVersions", send("POST", runtime + "versions/", null, Signer.STATIC_PAIR), 200);
        expect("CreateAgentRuntimeEndpoint", send("PUT", runtime + "runtime-endpoints/",
                "{\"name\":\"prod\",\"agentRuntimeVersion\":\"1\"}", Signer.STATIC_PAIR), 202);
        awaitReady(runtime + "runtime-endpoints/prod/");
        expect("UpdateAgentRuntimeEndpoint", send("PUT", runtime + "runtime-endpoints/prod/",
                "{\"agentRuntimeVersion\":\"2\",\"description\":\"self check\"}", Signer.STATIC_PAIR), 202);
        awaitReady(runtime + "runtime-endpoints/prod/");
        expect("GetAgentRuntimeEndpoint", send("GET", runtime + "runtime-endpoints/DEFAULT/", null, Signer.STATIC_PAIR), 200);
        expect("ListAgentRuntimeEndpoints", send("POST", runtime + "runtime-endpoints/", null, Signer.STATIC_PAIR), 200);
        expect("DeleteAgentRuntimeEndpoint (DEFAULT)", send("DELETE", runtime + "runtime-endpoints/DEFAULT/", null, Signer.STATIC_PAIR), 400);
        expect("DeleteAgentRuntime", send("DELETE", runtime, null, Signer.STATIC_PAIR), 202);
        expect("GetAgentRuntime (unknown)", send("GET", "/runtimes/ghost-AAAAAAAAAA/", null, Signer.STATIC_PAIR), 404);
    }

    private void awaitReady(String resource) throws IOException {
        for (int i = 0; i < 500; i++) {
            Matcher status = STATUS.matcher(send("GET", resource, null, Signer.STATIC_PAIR).body());
            if (status.find() && !status.group(1).endsWith("ING")) {
                if (!status.group(1).equals("READY")) {
                    failures.add(resource + " became " + status.group(1));
                }
                return;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        failures.add(resource + " never became READY");
    }

    private Answer expect(String what, Answer answer, int status) {
        if (answer.status() != status) {
            failures.add(what + ": expected " + status + ", got " + answer.status() + " " + answer.body());
        }
        return answer;
    }

    /** How a request is signed: not at all, with the static pair the instance knows, or with a wrong secret. */
    private enum Signer {
        NONE(null),
        STATIC_PAIR(AwsCredentialsIdentity.create(LocalAgentCoreConfig.STATIC_ACCESS_KEY,
                LocalAgentCoreConfig.STATIC_SECRET_KEY)),
        WRONG_SECRET(AwsCredentialsIdentity.create(LocalAgentCoreConfig.STATIC_ACCESS_KEY, "not-the-secret"));

        private final AwsCredentialsIdentity identity;

        Signer(AwsCredentialsIdentity identity) {
            this.identity = identity;
        }
    }

    /** One HTTP/1.1 exchange on a plain socket (no HTTP client library: the check is also a training run). */
    private Answer send(String method, String target, String body, Signer signer) throws IOException {
        byte[] payload = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder(method + " " + target + " HTTP/1.1\r\nConnection: close\r\nContent-Length: "
                + payload.length + "\r\n");
        Map<String, List<String>> headers = Map.of("Host", List.of("127.0.0.1:" + port),
                "Content-Type", List.of("application/json"));
        if (signer.identity != null) {
            // The SDK's own SigV4 signer, as every AWS SDK client signs: the service verifies the signature for real.
            SdkHttpRequest unsigned = SdkHttpRequest.builder().method(SdkHttpMethod.fromValue(method))
                    .uri(URI.create("http://127.0.0.1:" + port + target)).putHeader("Host", "127.0.0.1:" + port)
                    .putHeader("Content-Type", "application/json")
                    .build();
            headers = AwsV4HttpSigner.create().sign(r -> r.identity(signer.identity).request(unsigned)
                            .payload(() -> new ByteArrayInputStream(payload))
                            .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, AgentCoreArns.SERVICE)
                            .putProperty(AwsV4HttpSigner.REGION_NAME, region))
                    .request().headers();
        }
        headers.forEach((name, values) -> values.forEach(v -> head.append(name).append(": ").append(v).append("\r\n")));
        head.append("\r\n");
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
            out.write(payload);
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if (!response.startsWith("HTTP/1.1 ") || response.length() < 12) {
                return new Answer(0, "no HTTP answer: '" + response + "'");
            }
            int status = Integer.parseInt(response.substring(9, 12));
            int split = response.indexOf("\r\n\r\n");
            return new Answer(status, split < 0 ? "" : response.substring(split + 4));
        }
    }
}
