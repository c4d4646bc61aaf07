package dev.agentcore.client.diagnosis;

import dev.agentcore.client.auth.BearerToken;
import dev.agentcore.client.auth.TokenClaims;
import dev.agentcore.client.http.RequestView;
import dev.agentcore.core.state.AuthorizerSettings;
import dev.agentcore.client.http.AwsError;
import dev.agentcore.client.invoke.AuthMode;
import dev.agentcore.client.runtime.InvocationTarget;
import dev.agentcore.core.arn.RuntimeArn;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One failure under diagnosis: the context, the decoded token, lookups made at most once each, and the rules found
 * to apply so far (a fallback rule applies only when no other did).
 */
final class Case {

    final FailureContext context;
    final Instant now;
    private final RuntimeDirectory directory;
    private Lookup<RuntimeFacts> runtime;
    private Lookup<List<EndpointFacts>> endpoints;
    final List<String> lookupsDone = new ArrayList<>();
    private final List<String> found = new ArrayList<>();

    Case(FailureContext context, RuntimeDirectory directory, Instant now) {
        this.context = context;
        this.directory = directory;
        this.now = now;
    }

    void found(String ruleId) {
        found.add(ruleId);
    }

    /** True when a rule other than {@code except} has applied already. */
    boolean foundAnyBut(String... except) {
        return found.stream().anyMatch(id -> !List.of(except).contains(id));
    }

    InvocationTarget target() {
        return context.target();
    }

    RuntimeArn arn() {
        return context.target().arn();
    }

    String qualifier() {
        return context.target().qualifier();
    }

    String runtimeLabel() {
        return arn() == null ? "the runtime" : "runtime " + arn().runtimeId();
    }

    AuthMode mode() {
        return context.failure().authMode();
    }

    int status() {
        return context.failure().status();
    }

    AwsError error() {
        return context.failure().error().orElse(AwsError.none());
    }

    boolean messageContains(String text) {
        return error().messageContains(text);
    }

    boolean bearer() {
        return mode() == AuthMode.BEARER;
    }

    Optional<BearerToken> token() {
        return context.bearerToken();
    }

    RequestView request() {
        return context.failure().request();
    }

    Optional<String> requestHeader(String name) {
        List<String> values = request().headers().get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.getFirst());
    }

    /** IAM's refusal text, when the message is one. */
    Optional<AccessDenial> denial() {
        return AccessDenial.from(error());
    }

    /** How many times the call was sent (the client retries busy sessions itself). */
    int attempts() {
        return context.failure().attempts();
    }

    Optional<TokenClaims> claims() {
        return context.bearerToken().flatMap(t -> t.claims());
    }

    Lookup<RuntimeFacts> runtime() {
        if (runtime == null) {
            runtime = arn() == null ? new Lookup.Unavailable<>("no runtime ARN for a local runtime") : directory.describe(arn());
            lookupsDone.add(runtime.describe("runtime " + (arn() == null ? "" : arn().runtimeId())));
        }
        return runtime;
    }

    Lookup<List<EndpointFacts>> endpoints() {
        if (endpoints == null) {
            endpoints = arn() == null ? new Lookup.Unavailable<>("no runtime ARN for a local runtime") : directory.endpoints(arn());
            lookupsDone.add(endpoints.describe("endpoints of " + (arn() == null ? "the runtime" : arn().runtimeId())));
        }
        return endpoints;
    }

    Optional<AuthorizerSettings> authorizer() {
        return runtime().found().map(RuntimeFacts::authorizer);
    }

    /** The runtime's settings as the AWS CLI shows them, for next steps. */
    String getAgentRuntimeCommand(String query) {
        if (arn() == null) {
            return "the runtime's authorizer configuration";
        }
        return "aws bedrock-agentcore-control get-agent-runtime --region " + arn().region() + " --agent-runtime-id "
                + arn().runtimeId() + (query == null ? "" : " --query " + query);
    }
}
