package dev.agentcore.agent.bedrock;

import dev.agentcore.agent.channel.EventChannel;
import dev.agentcore.agent.model.ModelEvent;
import dev.agentcore.agent.model.ModelException;
import dev.agentcore.agent.model.StopReason;
import dev.agentcore.agent.model.Usage;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import software.amazon.awssdk.core.async.SdkPublisher;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlockDeltaEvent;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlockStartEvent;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlockStopEvent;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamMetadataEvent;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamOutput;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamResponseHandler;
import software.amazon.awssdk.services.bedrockruntime.model.TokenUsage;

/**
 * One ConverseStream call: subscribes to the SDK's event stream and passes each event on, mapped to a
 * {@link ModelEvent}, through an {@link EventChannel}. Errors come from the call's future so that the
 * SDK's retries can happen first.
 */
final class ConverseStreamCall {

    private final BedrockRuntimeAsyncClient client;
    private final ConverseStreamRequest request;
    private final EventChannel<ModelEvent> channel;
    private final String modelId;
    private final Map<Integer, String> toolUseIds = new ConcurrentHashMap<>();
    private final AtomicInteger attempts = new AtomicInteger();
    private final AtomicBoolean emitted = new AtomicBoolean();
    private final AtomicReference<Subscription> subscription = new AtomicReference<>();
    private final ConverseStreamResponseHandler.Visitor visitor;
    private volatile CompletableFuture<Void> future;

    ConverseStreamCall(BedrockRuntimeAsyncClient client, ConverseStreamRequest request,
                       EventChannel<ModelEvent> channel, String modelId) {
        this.client = client;
        this.request = request;
        this.channel = channel;
        this.modelId = modelId;
        this.visitor = ConverseStreamResponseHandler.Visitor.builder()
                .onContentBlockStart(this::onStart)
                .onContentBlockDelta(this::onDelta)
                .onContentBlockStop(this::onStop)
                .onMessageStop(event -> emit(new ModelEvent.MessageStop(StopReason.fromWireName(event.stopReasonAsString()))))
                .onMetadata(this::onMetadata)
                .onDefault(event -> { }) // messageStart and events newer than this code
                .build();
    }

    void start() {
        ConverseStreamResponseHandler handler = ConverseStreamResponseHandler.builder()
                .onEventStream(this::subscribe)
                .build();
        try {
            future = client.converseStream(request, handler);
        } catch (RuntimeException e) {
            throw BedrockErrors.toModelException(e, modelId);
        }
        future.whenComplete((ignored, failure) -> {
            if (failure != null) {
                channel.fail(BedrockErrors.toModelException(failure, modelId));
            }
        });
    }

    void cancel() {
        Subscription current = subscription.get();
        if (current != null) {
            current.cancel();
        }
        CompletableFuture<Void> call = future;
        if (call != null) {
            call.cancel(true);
        }
    }

    /** Called once per attempt; a retry after events were passed on would repeat them (see onError). */
    private void subscribe(SdkPublisher<ConverseStreamOutput> publisher) {
        if (attempts.incrementAndGet() > 1 && emitted.get()) {
            channel.fail(ModelException.builder()
                    .message("Bedrock model '" + modelId + "' failed in the middle of its answer "
                            + "and the SDK retried; the partial answer was already streamed, so the retry is not used")
                    .modelId(modelId)
                    .build());
            cancel();
            return;
        }
        publisher.subscribe(new Subscriber<>() {
            @Override
            public void onSubscribe(Subscription s) {
                subscription.set(s);
                s.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(ConverseStreamOutput event) {
                try {
                    event.accept(visitor);
                } catch (RuntimeException e) {
                    channel.fail(BedrockErrors.toModelException(e, modelId));
                    subscription.get().cancel();
                }
            }

            @Override
            public void onError(Throwable t) {
                // Before any output the call's future reports it, after the SDK's retries. After output was
                // streamed a retry would repeat it, so the error is final.
                if (emitted.get()) {
                    channel.fail(BedrockErrors.toModelException(t, modelId));
                    cancel();
                }
            }

            @Override
            public void onComplete() {
                channel.complete();
            }
        });
    }

    private void onStart(ContentBlockStartEvent event) {
        if (event.start() != null && event.start().toolUse() != null) {
            String id = event.start().toolUse().toolUseId();
            toolUseIds.put(event.contentBlockIndex(), id);
            emit(new ModelEvent.ToolUseStart(id, event.start().toolUse().name()));
        }
    }

    private void onDelta(ContentBlockDeltaEvent event) {
        if (event.delta() == null) {
            return;
        }
        if (event.delta().text() != null) {
            emit(new ModelEvent.TextDelta(event.delta().text()));
        } else if (event.delta().toolUse() != null) {
            String id = toolUseIds.get(event.contentBlockIndex());
            if (id == null) {
                throw ModelException.builder()
                        .message("Bedrock model '" + modelId + "' streamed tool input for content block "
                                + event.contentBlockIndex() + " without starting a tool use there")
                        .modelId(modelId)
                        .build();
            }
            emit(new ModelEvent.ToolUseDelta(id, event.delta().toolUse().input()));
        }
        // reasoning and citation deltas are not part of the answer this kit builds
    }

    private void onStop(ContentBlockStopEvent event) {
        String id = toolUseIds.remove(event.contentBlockIndex());
        if (id != null) {
            emit(new ModelEvent.ToolUseStop(id));
        }
    }

    private void onMetadata(ConverseStreamMetadataEvent event) {
        TokenUsage usage = event.usage();
        if (usage != null) {
            emit(new ModelEvent.UsageReport(new Usage(orZero(usage.inputTokens()), orZero(usage.outputTokens()),
                    orZero(usage.totalTokens()))));
        }
    }

    private void emit(ModelEvent event) {
        emitted.set(true);
        channel.emit(event);
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }
}
