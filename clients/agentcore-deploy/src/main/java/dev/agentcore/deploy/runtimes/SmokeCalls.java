package dev.agentcore.deploy.runtimes;

import dev.agentcore.client.auth.CachingTokenSource;
import dev.agentcore.client.auth.CognitoClientCredentials;
import dev.agentcore.client.auth.TokenException;
import dev.agentcore.client.auth.TokenSource;
import dev.agentcore.client.invoke.BearerInvoker;
import dev.agentcore.client.invoke.InvocationFailure;
import dev.agentcore.client.invoke.InvocationRequest;
import dev.agentcore.client.invoke.InvocationResponse;
import dev.agentcore.client.invoke.Invoker;
import dev.agentcore.client.invoke.SigV4Invoker;
import dev.agentcore.client.mcp.McpRuntimeClient;
import dev.agentcore.client.mcp.RequestAuthenticator;
import dev.agentcore.client.runtime.EndpointOrigin;
import dev.agentcore.client.runtime.InvocationTarget;
import dev.agentcore.core.arn.RuntimeArn;
import dev.agentcore.core.state.CognitoSettings;
import dev.agentcore.core.state.DeployedRuntime;
import dev.agentcore.deploy.aws.Target;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * One call to each deployed runtime, with the auth it is configured for: an agent gets a small invocation (the
 * {@code /ping} of the data plane: any answer that starts streaming proves the container runs and answers), an MCP
 * server {@code tools/list}. JWT runtimes get a Cognito client-credentials token for the pool's machine client.
 */
public final class SmokeCalls {

    /** How much of an agent's answer the smoke call reads: enough for an error event's message. */
    private static final int ANSWER_START = 1024;
    private static final Pattern ERROR_EVENT = Pattern.compile("(data: ?)?\\{\"error\"\\s*:");

    /** The outcome of one call: healthy, with what it saw, or not, with why. */
    public record Result(String runtime, boolean healthy, String detail) {
    }

    private final Target target;
    private final Function<CognitoSettings, Optional<String>> clientSecret;
    private final Duration timeout;

    /** {@code clientSecret}: the machine client's secret (Cognito's DescribeUserPoolClient), empty when unreadable. */
    public SmokeCalls(Target target, Function<CognitoSettings, Optional<String>> clientSecret, Duration timeout) {
        this.target = target;
        this.clientSecret = clientSecret;
        this.timeout = timeout;
    }

    public Result call(DeployedRuntime runtime, Optional<CognitoSettings> cognito, String qualifier) {
        Optional<RuntimeArn> arn = runtime.arn();
        if (arn.isEmpty()) {
            return new Result(runtime.name(), false, "no runtime ARN recorded");
        }
        URI dataPlane = target.agentCoreEndpoint().orElse(InvocationTarget.regionalDataPlane(target.region().id()));
        EndpointOrigin origin = target.agentCoreEndpoint().isPresent()
                ? new EndpointOrigin.Configured("the deploy target's AgentCore endpoint")
                : new EndpointOrigin.RegionDefault(target.region().id());
        InvocationTarget invocation = InvocationTarget.at(arn.get(), qualifier, dataPlane, origin);
        Optional<TokenSource> tokens = Optional.empty();
        if (runtime.authorizerSettings().isPresent()) {
            Optional<String> secret = cognito.flatMap(clientSecret);
            if (cognito.isEmpty() || secret.isEmpty()) {
                return new Result(runtime.name(), false, "it requires a JWT, and no Cognito machine client (id and"
                        + " secret) was found in the stacks' outputs");
            }
            tokens = Optional.of(new CachingTokenSource(new CognitoClientCredentials(cognito.get().domain(),
                    cognito.get().clientId(), secret.get(), runtime.isMcp() ? List.of() : List.of(), HttpClient.newHttpClient(),
                    timeout, Clock.systemUTC()), Clock.systemUTC(), CachingTokenSource.DEFAULT_MARGIN));
        }
        try {
            return runtime.isMcp() ? listTools(runtime, invocation, tokens) : invoke(runtime, invocation, tokens);
        } catch (InvocationFailure failure) {
            return new Result(runtime.name(), false, describe(failure));
        } catch (TokenException e) {
            return new Result(runtime.name(), false, "no token from Cognito: " + e.getMessage());
        } catch (Exception e) {
            return new Result(runtime.name(), false, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private Result listTools(DeployedRuntime runtime, InvocationTarget invocation, Optional<TokenSource> tokens)
            throws Exception {
        RequestAuthenticator auth = tokens.map(RequestAuthenticator::bearer)
                .orElseGet(() -> RequestAuthenticator.sigV4(target.credentials(), target.region().id()));
        try (McpRuntimeClient client = McpRuntimeClient.builder(invocation, auth).sessionId(session(runtime, invocation))
                .timeout(timeout).connect()) {
            var tools = client.listTools();
            return new Result(runtime.name(), true, "tools/list: " + tools.size() + " tool(s) "
                    + tools.stream().map(t -> t.name()).toList());
        }
    }

    private Result invoke(DeployedRuntime runtime, InvocationTarget invocation, Optional<TokenSource> tokens)
            throws Exception {
        Invoker invoker = tokens.<Invoker>map(t -> new BearerInvoker(HttpClient.newHttpClient(), t))
                .orElseGet(() -> SigV4Invoker.builder(target.region()).endpointOf(invocation)
                        .credentials(target.credentials()).timeout(timeout).build());
        try (InvocationResponse response = invoker.invoke(InvocationRequest.builder(invocation)
                .json("{\"prompt\":\"ping\"}").sessionId(session(runtime, invocation)).timeout(timeout).build())) {
            byte[] start = response.body().readNBytes(ANSWER_START);
            String first = new String(start, StandardCharsets.UTF_8).replaceAll("\\s+", " ").strip();
            // A 200 whose stream starts with the agent's error event is a failed call (a model the role may not
            // call answers so: the stream had begun before the model refused).
            if (response.status() / 100 == 2 && ERROR_EVENT.matcher(first).lookingAt()) {
                return new Result(runtime.name(), false, "HTTP " + response.status() + ", the agent answered with an error: "
                        + first);
            }
            return new Result(runtime.name(), response.status() / 100 == 2, "HTTP " + response.status()
                    + (first.isEmpty() ? "" : ", answer begins: " + (first.length() > 120 ? first.substring(0, 120) : first)));
        } finally {
            if (invoker instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception ignored) {
                    // the call's outcome is what matters
                }
            }
        }
    }

    /**
     * One session per runtime, version and qualifier: a redeploy that changed nothing calls the session the last smoke
     * call started (AgentCore keeps it until its idle timeout) instead of starting another.
     */
    private static dev.agentcore.core.runtime.SessionId session(DeployedRuntime runtime, InvocationTarget invocation) {
        return new dev.agentcore.core.runtime.SessionId(String.format(java.util.Locale.ROOT,
                "agentcore-deploy-smoke-%s-v%s-%s", runtime.agentRuntimeId(), runtime.agentRuntimeVersion(),
                invocation.qualifier()));
    }

    private static String describe(InvocationFailure failure) {
        String status = failure.status() > 0 ? "HTTP " + failure.status() + " " : "";
        return status + failure.error().map(e -> e.type() + ": " + e.messageText().orElse(""))
                .orElseGet(() -> failure.getMessage() == null ? "no answer" : failure.getMessage());
    }
}
