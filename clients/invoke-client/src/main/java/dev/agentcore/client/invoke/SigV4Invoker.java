package dev.agentcore.client.invoke;

import dev.agentcore.client.http.AwsError;
import dev.agentcore.client.http.RequestView;
import dev.agentcore.client.http.ResponseView;
import dev.agentcore.client.report.DiagnosedException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
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
 * chain. The SDK retries nothing by default here, because an invocation runs agent code and a silent retry would
 * run it twice.
 */
public final class SigV4Invoker implements Invoker, AutoCloseable {

    private final BedrockAgentCoreClient client;
    private final ThreadLocal<SdkHttpRequest> lastRequest = new ThreadLocal<>();

    /**
     * @param endpointOverride null for the regional endpoint; otherwise the SDK's endpoint override (the SDK
     *                         also reads AWS_ENDPOINT_URL_BEDROCK_AGENTCORE itself)
     * @param maxAttempts      1 for no retries
     */
    public SigV4Invoker(Region region, URI endpointOverride, AwsCredentialsProvider credentials, Duration timeout,
                        int maxAttempts) {
        var builder = BedrockAgentCoreClient.builder()
                .region(region)
                .credentialsProvider(credentials)
                .httpClientBuilder(ApacheHttpClient.builder()
                        .connectionTimeout(timeout.compareTo(Duration.ofSeconds(10)) < 0 ? timeout : Duration.ofSeconds(10))
                        .socketTimeout(Duration.ZERO)) // a stream may pause longer than the timeout between events
                .overrideConfiguration(o -> o
                        .apiCallAttemptTimeout(timeout) // the wait for the answer to start, as BearerInvoker does
                        .retryStrategy(r -> r.maxAttempts(maxAttempts))
                        .addExecutionInterceptor(new RequestCapture()));
        if (endpointOverride != null) {
            builder.endpointOverride(endpointOverride);
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
                    response.sdkHttpResponse().headers(), stream);
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
