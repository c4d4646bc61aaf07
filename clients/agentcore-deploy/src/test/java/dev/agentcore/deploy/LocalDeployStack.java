package dev.agentcore.deploy;

import dev.agentcore.local.LocalAgentCoreConfig;
import dev.agentcore.local.LocalStack;
import dev.agentcore.testing.RepositoryFiles;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The local stack for one test class: moto with the AgentCore CloudFormation types (infra/local-aws/run.py) and the
 * local AgentCore in-process (LocalStack), each knowing the other's endpoint, images checked at Create as AWS does.
 */
final class LocalDeployStack implements AutoCloseable {

    final LocalStack agentCore;
    final Process moto;
    final URI awsEndpoint;
    final Path images;

    private LocalDeployStack(LocalStack agentCore, Process moto, URI awsEndpoint, Path images) {
        this.agentCore = agentCore;
        this.moto = moto;
        this.awsEndpoint = awsEndpoint;
        this.images = images;
    }

    static LocalDeployStack start(Path state) throws Exception {
        int agentCorePort;
        try (ServerSocket socket = new ServerSocket(0)) {
            agentCorePort = socket.getLocalPort();
        }
        ProcessBuilder builder = new ProcessBuilder(RepositoryFiles.python().toString(),
                RepositoryFiles.root().resolve("infra/local-aws/run.py").toString(), "--port", "0",
                "--agentcore-endpoint", "http://127.0.0.1:" + agentCorePort).redirectErrorStream(true);
        builder.environment().keySet().removeIf(k -> k.startsWith("AWS_") || k.equals("MOTO_ACCOUNT_ID"));
        builder.environment().putAll(Map.of("AWS_ACCESS_KEY_ID", "local", "AWS_SECRET_ACCESS_KEY", "local",
                "AWS_REGION", "us-east-1", "AWS_DEFAULT_REGION", "us-east-1"));
        Process moto = builder.start();
        var out = new BufferedReader(new InputStreamReader(moto.getInputStream(), StandardCharsets.UTF_8));
        String line;
        URI endpoint = null;
        while ((line = out.readLine()) != null) {
            if (line.contains("listening on http://")) {
                endpoint = URI.create(line.substring(line.indexOf("http://")).split("\\s")[0].replaceAll(",$", ""));
                break;
            }
        }
        if (endpoint == null) {
            moto.destroyForcibly();
            throw new IllegalStateException("the local AWS did not start");
        }
        Thread.ofVirtual().start(() -> out.lines().forEach(ignored -> { })); // keep its pipe drained
        // The deployer (the static key's user/local) invokes what it deploys, as the InvokerPolicy would let it.
        try (var iam = software.amazon.awssdk.services.iam.IamClient.builder()
                .region(software.amazon.awssdk.regions.Region.US_EAST_1).endpointOverride(endpoint)
                .credentialsProvider(dev.agentcore.deploy.aws.Target.LOCAL_CREDENTIALS)
                .httpClientBuilder(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.builder()).build()) {
            iam.createUser(r -> r.userName("local"));
            iam.putUserPolicy(r -> r.userName("local").policyName("deployer-invokes").policyDocument(
                    "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                            + "\"Action\":\"bedrock-agentcore:*\",\"Resource\":\"*\"}]}"));
        }
        Path images = state.resolve("images");
        var config = LocalAgentCoreConfig.builder().port(agentCorePort).provisioningDelay(Duration.ofMillis(20)).build();
        var settings = new LocalStack.Settings(config, Optional.of(images), Optional.of(state.resolve("work")),
                Optional.empty(), Map.of(), 32, Optional.of(endpoint), List.of(), true, true);
        return new LocalDeployStack(LocalStack.start(settings), moto, endpoint, images);
    }

    /** Runs agentcore-deploy on {@code workspace} against this stack, printing to {@code console}. */
    int run(dev.agentcore.deploy.output.Console console, Path workspace, String... args) {
        List<String> argv = new java.util.ArrayList<>(List.of(args));
        argv.addAll(List.of("--target", "local", "--root", workspace.toString(), "--aws-endpoint", awsEndpoint.toString(),
                "--agentcore-endpoint", agentCoreEndpoint().toString(), "--local-image-dir", images.toString(),
                "--poll-ms", "50"));
        return AgentCoreDeploy.run(console, argv.toArray(String[]::new));
    }

    URI agentCoreEndpoint() {
        return agentCore.endpoint();
    }

    @Override
    public void close() throws Exception {
        agentCore.close();
        moto.destroy();
        if (!moto.waitFor(10, TimeUnit.SECONDS)) {
            moto.destroyForcibly();
        }
    }
}
