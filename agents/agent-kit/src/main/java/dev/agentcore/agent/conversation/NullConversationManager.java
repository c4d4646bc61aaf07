package dev.agentcore.agent.conversation;

import dev.agentcore.agent.model.Message;
import java.util.List;

/** Keeps the whole conversation: for short-lived agents, or when the caller trims it itself. */
public final class NullConversationManager implements ConversationManager {

    @Override
    public void applyManagement(List<Message> messages) {
        // keeps everything by design
    }

    @Override
    public boolean reduceContext(List<Message> messages) {
        return false;
    }
}
