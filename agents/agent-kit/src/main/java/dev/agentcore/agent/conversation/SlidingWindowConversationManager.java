package dev.agentcore.agent.conversation;

import dev.agentcore.agent.model.Message;
import dev.agentcore.agent.model.Role;
import java.util.List;

/**
 * Keeps the most recent {@code windowSize} messages (Strands' default: 40). The oldest kept message is
 * always a user message without tool results, so a tool result never loses its tool request and a tool
 * request never loses its result; when the exact cut would split such a pair, it moves later.
 */
public final class SlidingWindowConversationManager implements ConversationManager {

    public static final int DEFAULT_WINDOW_SIZE = 40;

    private final int windowSize;

    public SlidingWindowConversationManager() {
        this(DEFAULT_WINDOW_SIZE);
    }

    public SlidingWindowConversationManager(int windowSize) {
        if (windowSize < 2) {
            throw new IllegalArgumentException("windowSize must be at least 2, was " + windowSize);
        }
        this.windowSize = windowSize;
    }

    public int windowSize() {
        return windowSize;
    }

    @Override
    public void applyManagement(List<Message> messages) {
        if (messages.size() > windowSize) {
            trimFrom(messages, messages.size() - windowSize);
        }
    }

    /** Drops at least two messages (more when over the window), then moves to a safe cut. */
    @Override
    public boolean reduceContext(List<Message> messages) {
        int earliest = messages.size() <= windowSize ? 2 : messages.size() - windowSize;
        return trimFrom(messages, earliest);
    }

    private static boolean trimFrom(List<Message> messages, int earliest) {
        for (int cut = Math.max(earliest, 1); cut < messages.size(); cut++) {
            if (isSafeStart(messages.get(cut))) {
                messages.subList(0, cut).clear();
                return true;
            }
        }
        return false;
    }

    /** Converse requires the conversation to start with a user message, and a result needs its request. */
    private static boolean isSafeStart(Message message) {
        return message.role() == Role.USER && !message.hasToolResult();
    }
}
