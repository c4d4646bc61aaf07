package dev.agentcore.agent.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentcore.agent.model.ContentBlock;
import dev.agentcore.agent.model.Message;
import dev.agentcore.agent.model.Role;
import dev.agentcore.agent.model.ToolResultContent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class SlidingWindowConversationManagerTest {

    @Test
    void keepsTheMostRecentMessagesOfAPlainConversation() {
        List<Message> messages = conversation("u1", "a1", "u2", "a2", "u3", "a3");

        new SlidingWindowConversationManager(4).applyManagement(messages);

        assertThat(messages).containsExactly(Message.user("u2"), Message.assistant("a2"), Message.user("u3"),
                Message.assistant("a3"));
    }

    @Test
    void leavesAConversationWithinTheWindowAlone() {
        List<Message> messages = conversation("u1", "a1");

        new SlidingWindowConversationManager(2).applyManagement(messages);

        assertThat(messages).hasSize(2);
    }

    @Test
    void neverStartsTheWindowWithAnOrphanToolResult() {
        // u1, a1(toolUse), u(toolResult), a2, u3, a3: a window of 4 would start at the tool result
        List<Message> messages = new ArrayList<>(List.of(Message.user("u1"), toolUse("t1"), toolResult("t1"),
                Message.assistant("a2"), Message.user("u3"), Message.assistant("a3")));

        new SlidingWindowConversationManager(4).applyManagement(messages);

        assertThat(messages).containsExactly(Message.user("u3"), Message.assistant("a3"));
    }

    @Test
    void neverStartsTheWindowWithAToolUseThatWouldLoseItsContext() {
        // a window of 5 would start at the assistant's tool use: Converse needs a user message first
        List<Message> messages = new ArrayList<>(List.of(Message.user("u1"), toolUse("t1"), toolResult("t1"),
                Message.assistant("a1"), Message.user("u2"), toolUse("t2"), toolResult("t2"), Message.assistant("a2")));

        new SlidingWindowConversationManager(5).applyManagement(messages);

        assertThat(messages).containsExactly(Message.user("u2"), toolUse("t2"), toolResult("t2"), Message.assistant("a2"));
        assertThat(messages.getFirst().role()).isEqualTo(Role.USER);
    }

    @Test
    void keepsEverythingWhenNoCutIsSafe() {
        // one long tool loop: the only safe start is the first message
        List<Message> messages = new ArrayList<>(List.of(Message.user("u1"), toolUse("t1"), toolResult("t1"),
                toolUse("t2"), toolResult("t2"), Message.assistant("a1")));

        new SlidingWindowConversationManager(3).applyManagement(messages);

        assertThat(messages).hasSize(6);
    }

    @Test
    void reducesContextByAtLeastOneExchangeOnOverflow() {
        List<Message> messages = conversation("u1", "a1", "u2", "a2", "u3");
        SlidingWindowConversationManager manager = new SlidingWindowConversationManager();

        assertThat(manager.reduceContext(messages)).isTrue();
        assertThat(messages).containsExactly(Message.user("u2"), Message.assistant("a2"), Message.user("u3"));
        assertThat(manager.reduceContext(messages)).isTrue();
        assertThat(messages).containsExactly(Message.user("u3"));
        assertThat(manager.reduceContext(messages)).isFalse();
    }

    @Test
    void nullManagerKeepsEverything() {
        List<Message> messages = conversation("u1", "a1", "u2", "a2");
        NullConversationManager manager = new NullConversationManager();

        manager.applyManagement(messages);

        assertThat(messages).hasSize(4);
        assertThat(manager.reduceContext(messages)).isFalse();
    }

    @Test
    void refusesAWindowTooSmallForAnExchange() {
        assertThatThrownBy(() -> new SlidingWindowConversationManager(1))
                .hasMessage("windowSize must be at least 2, was 1");
        assertThat(new SlidingWindowConversationManager().windowSize()).isEqualTo(40);
    }

    private static List<Message> conversation(String... texts) {
        List<Message> messages = new ArrayList<>();
        for (String text : texts) {
            messages.add(text.startsWith("u") ? Message.user(text) : Message.assistant(text));
        }
        return messages;
    }

    private static Message toolUse(String id) {
        return new Message(Role.ASSISTANT, List.of(new ContentBlock.ToolUse(id, "tool", JsonMapper.shared().createObjectNode())));
    }

    private static Message toolResult(String id) {
        return new Message(Role.USER, List.of(ContentBlock.ToolResult.success(id, List.of(new ToolResultContent.Text("ok")))));
    }
}
