package dev.agentcore.client.invoke;

import dev.agentcore.client.http.AwsError;
import dev.agentcore.client.http.IdleTimeoutInputStream;
import dev.agentcore.client.http.RequestView;
import dev.agentcore.client.http.ResponseView;
import dev.agentcore.client.report.DiagnosedException;
import dev.agentcore.client.runtime.InvocationTarget;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockagentcore.BedrockAgentCoreClient;
import software.amazon.awssdk.services.bedrockagentcore.model.InvokeAgentRuntimeResponse;

/**
 * InvokeAgentRuntime through the AWS SDK's {@link BedrockAgentCoreClient}: SigV4 with the standard credential
 * chain. The SDK retries nothing here, because an invocation runs agent code and a silent retry would run it
 * twice; {@link RetryingInvoker} retries only what AgentCore says did not run.
 */
public final class SigV4Invoker implements Invoker, AutoCloseable {

    private final BedrockAgentCoreClient client;
    private final ThreadLocal<SdkHttpRequest> lastRequest = new ThreadLocal<>();

    /** An invoker for runtimes in {@code region}: the standard credential chain and a 60s timeout unless set. */
    public static Builder builder(Region region) {
        return new Builder(region);
    }

    public static final class Builder {
        private final Region region;
        private URI endpointOverride;
        private AwsCredentialsProvider credentials;
        private Duration timeout = Duration.ofSeconds(60);

        private Builder(Region region) {
            this.region = region;
        }

        /** Another data-plane URL than the region's (the SDK also reads AWS_ENDPOINT_URL_BEDROCK_AGENTCORE itself). */
        public Builder endpointOverride(URI endpointOverride) {
            this.endpointOverride = endpointOverride;
            return this;
        }

        /** The override of a target whose URL is not the region's own; nothing for the region's data plane. */
        public Builder endpointOf(InvocationTarget target) {
            this.endpointOverride = target.endpointOverride().orElse(null);
            return this;
        }

        public Builder credentials(AwsCredentialsProvider credentials) {
            this.credentials = credentials;
            return this;
        }

        /** How long to wait for the answer to start. */
        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        public SigV4Invoker build() {
            return new SigV4Invoker(this);
        }
    }

    private SigV4Invoker(Builder b) {
        Duration timeout = b.timeout;
        var builder = BedrockAgentCoreClient.builder()
                .region(b.region)
                .credentialsProvider(b.credentials == null ? DefaultCredentialsProvider.builder().build() : b.credentials)
                .httpClientBuilder(ApacheHttpClient.builder()
                        .connectionTimeout(timeout.compareTo(Duration.ofSeconds(10)) < 0 ? timeout : Duration.ofSeconds(10))
                        .socketTimeout(Duration.ZERO)) // a stream may pause longer than the timeout between events
                .overrideConfiguration(o -> o
                        .apiCallAttemptTimeout(timeout) // the wait for the answer to start, as BearerInvoker does
                        .retryStrategy(r -> r.maxAttempts(1)) // see RetryingInvoker for the retries that are safe
                        .addExecutionInterceptor(new RequestCapture()));
        if (b.endpointOverride != null) {
            builder.endpointOverride(b.endpointOverride);
        }
        this.client = builder.build();
    }

    @Override
    public AuthMode authMode() {
        return AuthMode.SIGV4;
    }

    @Override
    public InvocationResponse invoke(InvocationRequest request) throws InvocationFailure, DiagnosedException {
        lastRequest.remove();
        try {
            ResponseInputStream<InvokeAgentRuntimeResponse> stream = client.invokeAgentRuntime(r -> r
                    .agentRuntimeArn(request.target().arn().toString())
                    .qualifier(request.target().qualifier())
                    .runtimeSessionId(request.sessionId().value())
                    .contentType(request.contentType())
                    .accept(request.accept())
                    .payload(SdkBytes.fromByteArray(request.payload()))
                    .overrideConfiguration(o -> request.customHeaders().forEach(o::putHeader)));
            InvokeAgentRuntimeResponse response = stream.response();
            return new InvocationResponse(response.sdkHttpResponse().statusCode(), response.contentType(),
                    Optional.ofNullable(response.runtimeSessionId()).orElse(request.sessionId().value()),
                    response.sdkHttpResponse().headers(),
                    IdleTimeoutInputStream.wrap(stream, request.idleTimeout(), stream::abort));
        } catch (AwsServiceException e) {
            throw serviceFailure(request, e);
        } catch (SdkClientException e) {
            var missing = MissingCredentials.from(e);
            if (missing.isPresent()) {
                throw missing.get();
            }
            throw InvocationFailure.transport(AuthMode.SIGV4, requestView(request), e);
        } finally {
            lastRequest.remove();
        }
    }

    private InvocationFailure serviceFailure(InvocationRequest request, AwsServiceException e) {
        Map<String, List<String>> headers = e.awsErrorDetails() != null && e.awsErrorDetails().sdkHttpResponse() != null
                ? e.awsErrorDetails().sdkHttpResponse().headers() : Map.of();
        String body = e.awsErrorDetails() != null && e.awsErrorDetails().rawResponse() != null
                ? e.awsErrorDetails().rawResponse().asUtf8String() : "";
        ResponseView response = new ResponseView(e.statusCode(), headers, body);
        AwsError parsed = AwsError.from(response);
        String type = e.awsErrorDetails() != null && e.awsErrorDetails().errorCode() != null
                ? e.awsErrorDetails().errorCode() : parsed.type();
        String message = e.awsErrorDetails() != null && e.awsErrorDetails().errorMessage() != null
                ? e.awsErrorDetails().errorMessage() : parsed.message();
        AwsError error = new AwsError(type, message, e.requestId() != null ? e.requestId() : parsed.requestId());
        return InvocationFailure.response(AuthMode.SIGV4, requestView(request), response, error);
    }

    /** The request as the SDK signed and sent it, or as it would have been when it never got that far. */
    private RequestView requestView(InvocationRequest request) {
        SdkHttpRequest sent = lastRequest.get();
        if (sent != null) {
            return new RequestView(sent.method().name(), sent.getUri(), sent.headers());
        }
        return new RequestView("POST", request.target().invocationUri(), Map.of());
    }

    @Override
    public void close() {
        client.close();
    }

    private final class RequestCapture implements ExecutionInterceptor {
        @Override
        public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
            lastRequest.set(context.httpRequest());
        }
    }
}
