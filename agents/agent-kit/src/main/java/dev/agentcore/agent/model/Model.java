package dev.agentcore.agent.model;

import java.util.stream.Stream;

/**
 * A language model behind one streaming call. Implementations: Bedrock ConverseStream, any
 * OpenAI-compatible chat-completions endpoint, and the offline models.
 */
public interface Model {

    /**
     * Streams the model's answer to {@code request}. The call starts when the stream is first read and is
     * cancelled when the stream is closed, also from another thread. Failures are thrown from the stream
     * as {@link ModelException}.
     */
    Stream<ModelEvent> stream(ModelRequest request);

    /** One line for logs saying which provider and model this is. */
    default String description() {
        return getClass().getSimpleName();
    }
}
