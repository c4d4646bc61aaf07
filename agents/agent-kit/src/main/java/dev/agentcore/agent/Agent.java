package dev.agentcore.agent;

import dev.agentcore.agent.conversation.ConversationManager;
import dev.agentcore.agent.conversation.SlidingWindowConversationManager;
import dev.agentcore.agent.model.Message;
import dev.agentcore.agent.model.Model;
import dev.agentcore.agent.tool.ToolRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * A model-driven agent, as in Strands: it sends the conversation and the tool specs to the model, runs
 * the tools the model asks for (several at once on virtual threads), feeds their results back and repeats
 * until the model ends its turn or {@code maxCycles} model calls were made.
 *
 * <p>An agent holds one conversation and answers one prompt at a time: a second concurrent invocation
 * throws {@link ConcurrentInvocationException}. A failed or cancelled invocation leaves the conversation
 * as it was before it.
 *
 * <pre>{@code
 * Agent agent = Agent.builder().model(model).systemPrompt("You are a running coach.").tools(new PaceTools()).build();
 * String answer = agent.invoke("What pace is a 50 minute 10k?").text();
 * try (Stream<String> text = agent.stream("And a 45 minute one?")) { text.forEach(System.out::print); }
 * }</pre>
 */
public final class Agent {

    public static final int DEFAULT_MAX_CYCLES = 20;

    private final Model model;
    private final String systemPrompt;
    private final ToolRegistry tools;
    private final ConversationManager conversationManager;
    private final int maxCycles;
    private final List<Message> messages; // guarded by itself
    private final AtomicBoolean busy = new AtomicBoolean();

    private Agent(Builder builder) {
        this.model = Objects.requireNonNull(builder.model, "model is required");
        this.systemPrompt = builder.systemPrompt;
        this.tools = builder.tools;
        this.conversationManager = builder.conversationManager;
        this.maxCycles = builder.maxCycles;
        this.messages = new ArrayList<>(builder.messages);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Answers {@code prompt}, running tools as the model asks, and returns when the model ended its turn.
     *
     * @throws dev.agentcore.agent.model.ModelException when the model call failed (throttled, rejected, ...)
     * @throws MaxCyclesExceededException when the model still asked for tools after {@code maxCycles} calls
     * @throws ConcurrentInvocationException when this agent is answering another prompt
     * @throws java.util.concurrent.CancellationException when the calling thread was interrupted
     */
    public AgentResult invoke(String prompt) {
        Invocation invocation = new Invocation(this, prompt);
        try (Stream<AgentEvent> events = invocation.events()) {
            events.forEach(event -> { });
        }
        return invocation.result();
    }

    /**
     * The answer's text as the model streams it, like the {@code data} of Strands' {@code stream_async}.
     * Lazy: the invocation starts on the first read. Closing the stream (for example when the HTTP client
     * went away) cancels the model call and any running tools. Errors are thrown from the stream.
     */
    public Stream<String> stream(String prompt) {
        return streamEvents(prompt)
                .filter(AgentEvent.TextDelta.class::isInstance)
                .map(event -> ((AgentEvent.TextDelta) event).text());
    }

    /** Every {@link AgentEvent} of the invocation; lazy and cancellable like {@link #stream(String)}. */
    public Stream<AgentEvent> streamEvents(String prompt) {
        return new Invocation(this, prompt).events();
    }

    /** A copy of the conversation so far. */
    public List<Message> messages() {
        synchronized (messages) {
            return List.copyOf(messages);
        }
    }

    public Model model() {
        return model;
    }

    public String systemPrompt() {
        return systemPrompt;
    }

    public ToolRegistry tools() {
        return tools;
    }

    public int maxCycles() {
        return maxCycles;
    }

    ConversationManager conversationManager() {
        return conversationManager;
    }

    /** The live conversation; callers synchronize on it. */
    List<Message> conversation() {
        return messages;
    }

    void acquire() {
        if (!busy.compareAndSet(false, true)) {
            throw new ConcurrentInvocationException();
        }
    }

    void release() {
        busy.set(false);
    }

    public static final class Builder {
        private Model model;
        private String systemPrompt;
        private ToolRegistry tools = ToolRegistry.empty();
        private ConversationManager conversationManager = new SlidingWindowConversationManager();
        private int maxCycles = DEFAULT_MAX_CYCLES;
        private List<Message> messages = List.of();

        private Builder() {
        }

        public Builder model(Model model) {
            this.model = Objects.requireNonNull(model, "model");
            return this;
        }

        /** Instructions for the model; none when null. */
        public Builder systemPrompt(String systemPrompt) {
            this.systemPrompt = systemPrompt;
            return this;
        }

        /**
         * Adds tools: objects with {@link dev.agentcore.agent.tool.Tool} methods, classes with static ones,
         * or {@link dev.agentcore.agent.tool.AgentTool}s.
         */
        public Builder tools(Object... toolSources) {
            this.tools = tools.with(toolSources);
            return this;
        }

        /** Defaults to a {@link SlidingWindowConversationManager} of 40 messages. */
        public Builder conversationManager(ConversationManager conversationManager) {
            this.conversationManager = Objects.requireNonNull(conversationManager, "conversationManager");
            return this;
        }

        /** The most model calls one invocation may make; defaults to 20. */
        public Builder maxCycles(int maxCycles) {
            if (maxCycles < 1) {
                throw new IllegalArgumentException("maxCycles must be at least 1, was " + maxCycles);
            }
            this.maxCycles = maxCycles;
            return this;
        }

        /** A conversation to continue, for example one restored from a session store. */
        public Builder messages(List<Message> messages) {
            this.messages = List.copyOf(messages);
            return this;
        }

        public Agent build() {
            return new Agent(this);
        }
    }
}
