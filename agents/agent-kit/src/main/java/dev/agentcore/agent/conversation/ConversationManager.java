package dev.agentcore.agent.conversation;

import dev.agentcore.agent.model.Message;
import java.util.List;

/** Keeps an agent's conversation within bounds. Called by the agent while it holds the conversation. */
public interface ConversationManager {

    /** Called after each successful invocation; may drop old messages from {@code messages}. */
    void applyManagement(List<Message> messages);

    /**
     * Called when the model said the conversation no longer fits its context window; removes messages so
     * the call can be retried.
     *
     * @return false when nothing could be removed (the agent then reports the overflow)
     */
    boolean reduceContext(List<Message> messages);
}
