package dev.agentcore.sdk.control;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;
import software.amazon.awssdk.protocols.jsoncore.JsonNodeParser;

// Drop when the SDK's bedrockagentcorecontrol module has metadataConfiguration (served here only up to 2.40.3)
/**
 * Sends and reads {@code metadataConfiguration}, which the typed SDK 2.40.x neither marshals nor unmarshals.
 *
 * <p>Sending: {@link #modifyHttpContent} hands the SDK the JSON body it marshalled with the member spliced in, and
 * {@link #modifyHttpRequest} sets Content-Length to the new size. Both run before the signing stage, so SigV4's
 * payload hash covers the bytes that go on the wire.
 *
 * <p>Reading: {@link #modifyHttpResponseContent} keeps a copy of the raw body for the one request that asked for it
 * (an {@link ResponseCapture} in that request's execution attributes) and hands the SDK an unread copy.
 */
final class MetadataConfigurationInterceptor implements ExecutionInterceptor {

    /** Operations whose input has {@code metadataConfiguration} in the current service model (botocore 1.44.8). */
    static final Set<String> OPERATIONS_THAT_TAKE_IT = Set.of("UpdateAgentRuntime");

    /** Operations whose output has it. */
    static final Set<String> OPERATIONS_THAT_RETURN_IT = Set.of("GetAgentRuntime");

    /** What to add to this one request's body. */
    static final ExecutionAttribute<RuntimeMetadataConfiguration> TO_SEND =
            new ExecutionAttribute<>("agentcore-sdk.metadataConfiguration.toSend");

    /** Where to keep this one request's raw response body. */
    static final ExecutionAttribute<ResponseCapture> CAPTURE =
            new ExecutionAttribute<>("agentcore-sdk.metadataConfiguration.capture");

    private static final ExecutionAttribute<byte[]> REWRITTEN_BODY =
            new ExecutionAttribute<>("agentcore-sdk.metadataConfiguration.rewrittenBody");

    private static final JsonNodeParser JSON = JsonNode.parser();

    @Override
    public Optional<RequestBody> modifyHttpContent(Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
        return rewrittenBody(context, attributes)
                .map(body -> RequestBody.fromContentProvider(() -> new ByteArrayInputStream(body), body.length, "application/json"))
                .or(context::requestBody);
    }

    @Override
    public SdkHttpRequest modifyHttpRequest(Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
        return rewrittenBody(context, attributes)
                .map(body -> (SdkHttpRequest) context.httpRequest().toBuilder()
                        .putHeader("Content-Length", Integer.toString(body.length))
                        .build())
                .orElseGet(context::httpRequest);
    }

    /**
     * The body with the member, computed once from the body the SDK marshalled. The SDK calls modifyHttpContent and
     * modifyHttpRequest in an order it does not document (2.40.x: content first), so either may compute it.
     */
    private static Optional<byte[]> rewrittenBody(Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
        RuntimeMetadataConfiguration toSend = attributes.getAttribute(TO_SEND);
        if (toSend == null) {
            return Optional.empty();
        }
        byte[] done = attributes.getAttribute(REWRITTEN_BODY);
        if (done != null) {
            return Optional.of(done);
        }
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        if (!OPERATIONS_THAT_TAKE_IT.contains(operation)) {
            throw new IllegalArgumentException(operation + " takes no " + RuntimeMetadataConfiguration.MEMBER
                    + " (only " + OPERATIONS_THAT_TAKE_IT + " do in the service model)");
        }
        byte[] marshalled = context.requestBody().map(MetadataConfigurationInterceptor::bytes).orElse(new byte[0]);
        byte[] rewritten = withMember(marshalled, RuntimeMetadataConfiguration.MEMBER, toSend.toJson());
        attributes.putAttribute(REWRITTEN_BODY, rewritten);
        return Optional.of(rewritten);
    }

    @Override
    public Optional<InputStream> modifyHttpResponseContent(Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
        ResponseCapture capture = attributes.getAttribute(CAPTURE);
        if (capture == null || context.responseBody().isEmpty()) {
            return context.responseBody();
        }
        byte[] body;
        try (InputStream in = context.responseBody().get()) {
            body = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the " + attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME)
                    + " response body", e);
        }
        capture.record(context.httpResponse().statusCode(), body);
        return Optional.of(new ByteArrayInputStream(body));
    }

    /**
     * The JSON object {@code body} with {@code "name": valueJson} as its first member. The SDK's own bytes are kept as
     * they are (no re-serialisation); a body that already has the member means the SDK now models it.
     */
    static byte[] withMember(byte[] body, String name, String valueJson) {
        String json = new String(body, StandardCharsets.UTF_8);
        if (json.isBlank()) {
            json = "{}";
        }
        JsonNode parsed = JSON.parse(json);
        if (!parsed.isObject()) {
            throw new IllegalStateException("the marshalled request body is not a JSON object: " + abbreviate(json));
        }
        if (parsed.field(name).isPresent()) {
            throw new IllegalStateException("the SDK marshalled " + name + " itself: drop agentcore-sdk's "
                    + MetadataConfigurationInterceptor.class.getSimpleName() + " and use the SDK's field");
        }
        int brace = json.indexOf('{');
        String member = "\"" + name + "\":" + valueJson;
        String spliced = json.substring(0, brace + 1) + member + (parsed.asObject().isEmpty() ? "" : ",")
                + json.substring(brace + 1);
        return spliced.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] bytes(RequestBody body) {
        try (InputStream in = body.contentStreamProvider().newStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the marshalled request body", e);
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 80) + "...";
    }
}
