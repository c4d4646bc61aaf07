package dev.agentcore.local;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import dev.agentcore.local.auth.InMemoryCredentialsDirectory;
import dev.agentcore.local.auth.SigningCredentials;
import dev.agentcore.local.data.InMemoryIamDirectory;
import dev.agentcore.local.gateway.AwsGateway;

/**
 * {@code local-agentcore bedrock-echo [--port N] [--host H] [--region R] [--account-id A] [--caller KEY:SECRET=ARN]...}:
 * the AWS gateway alone, with no local AWS behind it, so that an agent on the Bedrock provider (or boto3) can stream
 * from the local echo model without the whole stack: {@code AWS_ENDPOINT_URL_BEDROCK_RUNTIME} set to what it prints.
 * Signatures are verified as on the gateway (the static pair {@code local}/{@code local}, plus each {@code --caller});
 * every caller may do everything, as {@code make local-up} makes the static pair's user the account's administrator.
 * The start-up benchmark of the first model call ({@code make bench-first-event}) uses it as its Bedrock.
 */
final class BedrockEcho {

    static final String COMMAND = "bedrock-echo";
    static final String USAGE = "usage: local-agentcore bedrock-echo [--port N] [--host H] [--region R]"
            + " [--account-id A] [--caller KEY:SECRET=ARN]...";
    private static final String ALLOW_ALL = """
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}""";

    private BedrockEcho() {
    }

    /** Starts the gateway as {@code args} say; the caller closes it. */
    static AwsGateway start(String[] args, Map<String, String> env, PrintStream log) throws IOException {
        LocalAgentCoreConfig.Builder config = LocalAgentCoreConfig.builder()
                .region(LocalAgentCore.Options.firstOf(env.get("AWS_REGION"), env.get("AWS_DEFAULT_REGION"), LocalAgentCoreConfig.DEFAULT_REGION))
                .accountId(LocalAgentCore.Options.firstOf(env.get("MOTO_ACCOUNT_ID"), LocalAgentCoreConfig.DEFAULT_ACCOUNT_ID));
        List<SigningCredentials> callers = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            String value;
            int eq = name.indexOf('=');
            if (name.startsWith("--") && eq > 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new IllegalArgumentException("option " + name + " needs a value; " + USAGE);
            }
            switch (name) {
                case "--port" -> config.port(LocalAgentCore.Options.integer(name, value));
                case "--host" -> config.host(value);
                case "--region" -> config.region(value);
                case "--account-id" -> config.accountId(value);
                case "--caller" -> callers.add(LocalAgentCore.Options.caller(value));
                default -> throw new IllegalArgumentException("unknown option " + name + "; " + USAGE);
            }
        }
        LocalAgentCoreConfig settings = config.build();
        InMemoryCredentialsDirectory keys = new InMemoryCredentialsDirectory()
                .register(LocalAgentCoreConfig.staticPair(settings.accountId()));
        InMemoryIamDirectory iam = new InMemoryIamDirectory()
                .put(LocalAgentCoreConfig.defaultCaller(settings.accountId()).toString(), "local-administrator", ALLOW_ALL);
        for (SigningCredentials caller : callers) {
            keys.register(caller);
            iam.put(caller.principal().toString(), "local-administrator", ALLOW_ALL);
        }
        return AwsGateway.withoutLocalAws().host(settings.host()).port(settings.port()).region(settings.region())
                .accountId(settings.accountId()).credentials(keys).iam(iam).log(log).start();
    }

    /** Serves until the process is stopped; prints the endpoint as an export line. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        AwsGateway gateway;
        try {
            gateway = start(args, System.getenv(), err);
        } catch (IllegalArgumentException e) {
            err.println("local-agentcore bedrock-echo: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println("local-agentcore bedrock-echo: cannot listen: " + e.getMessage());
            return 1;
        }
        out.println("export AWS_ENDPOINT_URL_BEDROCK_RUNTIME=" + gateway.endpoint());
        out.println("# Bedrock Converse and ConverseStream answered by the local echo model; sign with local/local");
        out.flush();
        Runtime.getRuntime().addShutdownHook(new Thread(gateway::close, "bedrock-echo-shutdown"));
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }
}
