package dev.agentcore.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code --self-check}: starts a local AgentCore on a free port, sends every runtime operation to it over HTTP (a
 * runtime's whole life, an endpoint's, and the errors), and says whether each answered as expected. It is also the
 * training run of the launcher's start-up cache (bin/local-agentcore), so the cache holds what serving loads.
 */
final class SelfCheck {

    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT);
    private static final Pattern RUNTIME_ID = Pattern.compile("\"agentRuntimeId\":\"([^\"]+)\"");
    private static final Pattern STATUS = Pattern.compile("\"status\":\"([A-Z_]+)\"");

    private record Answer(int status, String body) {
    }

    private final int port;
    private final List<String> failures = new ArrayList<>();

    private SelfCheck(int port) {
        this.port = port;
    }

    /** Runs the check; true when every answer was the expected one. */
    static boolean run(PrintStream out) throws IOException {
        var config = LocalAgentCoreConfig.builder().provisioningDelay(Duration.ofMillis(10)).log(out).build();
        try (LocalAgentCore agentCore = LocalAgentCore.start(config)) {
            SelfCheck check = new SelfCheck(agentCore.port());
            check.exercise();
            check.failures.forEach(f -> out.println("local-agentcore self-check: " + f));
            out.println("local-agentcore self-check: " + (check.failures.isEmpty() ? "ok" : check.failures.size() + " failed"));
            return check.failures.isEmpty();
        }
    }

    private void exercise() throws IOException {
        expect("unsigned", send("POST", "/runtimes/", null, false), 403);
        String create = """
                {"agentRuntimeName":"self_check","agentRuntimeArtifact":{"containerConfiguration":{"containerUri":
                "123456789012.dkr.ecr.us-east-1.amazonaws.com/self-check:1"}},"roleArn":"arn:aws:iam::123456789012:role/self",
                "protocolConfiguration":{"serverProtocol":"MCP"},"lifecycleConfiguration":{"idleRuntimeSessionTimeout":120},
                "environmentVariables":{"A":"b"},"clientToken":"self-check-0123456789-0123456789-0123456789"}""";
        Answer created = expect("CreateAgentRuntime", send("PUT", "/runtimes/", create, true), 202);
        Matcher id = RUNTIME_ID.matcher(created.body());
        if (!id.find()) {
            failures.add("CreateAgentRuntime answered no agentRuntimeId: " + created.body());
            return;
        }
        String runtime = "/runtimes/" + id.group(1) + "/";
        awaitReady(runtime);
        expect("CreateAgentRuntime (taken name)", send("PUT", "/runtimes/", create.replace("self-check-0", "self-check-1"), true), 409);
        expect("CreateAgentRuntime (invalid)", send("PUT", "/runtimes/", "{\"agentRuntimeName\":\"bad-name\"}", true), 400);
        expect("CreateAgentRuntime (not JSON)", send("PUT", "/runtimes/", "{", true), 400);
        expect("UpdateAgentRuntime", send("PUT", runtime, """
                {"agentRuntimeArtifact":{"containerConfiguration":{"containerUri":
                "123456789012.dkr.ecr.us-east-1.amazonaws.com/self-check:2"}},"roleArn":"arn:aws:iam::123456789012:role/self",
                "metadataConfiguration":{"requireMMDSV2":true}}""", true), 202);
        awaitReady(runtime);
        expect("GetAgentRuntime (version 1)", send("GET", runtime + "?version=1", null, true), 200);
        expect("ListAgentRuntimes", send("POST", "/runtimes/?maxResults=1", null, true), 200);
        expect("ListAgentRuntimeVersions", send("POST", runtime + "versions/", null, true), 200);
        expect("CreateAgentRuntimeEndpoint", send("PUT", runtime + "runtime-endpoints/",
                "{\"name\":\"prod\",\"agentRuntimeVersion\":\"1\"}", true), 202);
        awaitReady(runtime + "runtime-endpoints/prod/");
        expect("UpdateAgentRuntimeEndpoint", send("PUT", runtime + "runtime-endpoints/prod/",
                "{\"agentRuntimeVersion\":\"2\",\"description\":\"self check\"}", true), 202);
        awaitReady(runtime + "runtime-endpoints/prod/");
        expect("GetAgentRuntimeEndpoint", send("GET", runtime + "runtime-endpoints/DEFAULT/", null, true), 200);
        expect("ListAgentRuntimeEndpoints", send("POST", runtime + "runtime-endpoints/", null, true), 200);
        expect("DeleteAgentRuntimeEndpoint (DEFAULT)", send("DELETE", runtime + "runtime-endpoints/DEFAULT/", null, true), 400);
        expect("DeleteAgentRuntime", send("DELETE", runtime, null, true), 202);
        expect("GetAgentRuntime (unknown)", send("GET", "/runtimes/ghost-AAAAAAAAAA/", null, true), 404);
    }

    private void awaitReady(String resource) throws IOException {
        for (int i = 0; i < 500; i++) {
            Matcher status = STATUS.matcher(send("GET", resource, null, true).body());
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

    /** One HTTP/1.1 exchange on a plain socket (no HTTP client library: the check is also a training run). */
    private Answer send(String method, String target, String body, boolean signed) throws IOException {
        byte[] payload = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder(method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
                + "\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: " + payload.length + "\r\n");
        if (signed) {
            String date = AMZ_DATE.format(ZonedDateTime.now(ZoneOffset.UTC));
            // The shape of a SigV4 signature: what the control plane checks today.
            head.append("X-Amz-Date: ").append(date).append("\r\nAuthorization: AWS4-HMAC-SHA256 Credential=AKIDSELFCHECK/")
                    .append(date, 0, 8).append("/us-east-1/bedrock-agentcore/aws4_request, SignedHeaders=host;x-amz-date,")
                    .append(" Signature=").append("0".repeat(64)).append("\r\n");
        }
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
