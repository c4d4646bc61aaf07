package dev.agentcore.agent;

import dev.agentcore.agent.channel.EventChannel;
import dev.agentcore.agent.model.ContentBlock;
import dev.agentcore.agent.model.Message;
import dev.agentcore.agent.model.MessageAssembler;
import dev.agentcore.agent.model.ModelEvent;
import dev.agentcore.agent.model.ModelException;
import dev.agentcore.agent.model.ModelRequest;
import dev.agentcore.agent.model.Role;
import dev.agentcore.agent.model.StopReason;
import dev.agentcore.agent.model.Usage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * One prompt being answered: the event loop runs on its own virtual thread and streams its events through
 * a channel to whoever reads {@link #events()}. Closing that stream cancels the loop.
 */
final class Invocation {

    /** How long closing the stream waits for the loop to roll back and let go of the agent. */
    private static final Duration CANCEL_GRACE = Duration.ofSeconds(10);
    private static final String TOOL_USE_CUT_OFF = "The model reached its output token limit while asking for a tool, "
            + "so the tool input may be cut off; raise the model's maxTokens";

    private final Agent agent;
    private final String prompt;
    private final EventChannel<AgentEvent> channel = new EventChannel<>();
    private final AtomicReference<Stream<ModelEvent>> modelCall = new AtomicReference<>();
    private volatile ExecutorService toolRuns;
    private volatile Thread loop;
    private volatile boolean cancelled;
    private volatile AgentResult result;

    Invocation(Agent agent, String prompt) {
        this.agent = agent;
        this.prompt = requireText(prompt);
    }

    Stream<AgentEvent> events() {
        return channel.stream(this::start, this::cancel);
    }

    /** The result, once {@link #events()} was read to its end. */
    AgentResult result() {
        return result;
    }

    private void start() {
        agent.acquire();
        try {
            loop = Thread.ofVirtual().name("agent-invocation").start(this::runLoop);
        } catch (RuntimeException | Error e) {
            agent.release();
            throw e;
        }
    }

    private void runLoop() {
        Throwable failure = null;
        try {
            result = answer();
        } catch (Throwable t) {
            failure = t;
        } finally {
            // before the reader sees the end, so it can invoke again right away
            agent.release();
        }
        if (failure == null) {
            channel.complete();
        } else {
            channel.fail(failure);
        }
    }

    private void cancel() {
        cancelled = true;
        Thread running = loop;
        if (running == null) {
            return;
        }
        running.interrupt();
        closeQuietly(modelCall.get());
        ExecutorService tools = toolRuns;
        if (tools != null) {
            tools.shutdownNow();
        }
        try {
            running.join(CANCEL_GRACE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The event loop. The conversation is restored when it fails or is cancelled. */
    private AgentResult answer() {
        List<Message> conversation = agent.conversation();
        List<Message> before;
        synchronized (conversation) {
            before = List.copyOf(conversation);
            appendUserText(conversation, prompt);
        }
        boolean done = false;
        try {
            Usage usage = Usage.ZERO;
            for (int cycle = 1; ; cycle++) {
                Turn turn = callModel(conversation);
                usage = usage.plus(turn.usage());
                Message reply = turn.message();
                synchronized (conversation) {
                    if (!reply.content().isEmpty()) {
                        conversation.add(reply);
                    }
                }
                if (reply.hasToolUse()) {
                    if (turn.stopReason() == StopReason.MAX_TOKENS) {
                        throw new AgentException(TOOL_USE_CUT_OFF);
                    }
                    if (cycle >= agent.maxCycles()) {
                        throw new MaxCyclesExceededException(agent.maxCycles());
                    }
                    Message results = runTools(reply.toolUses());
                    synchronized (conversation) {
                        conversation.add(results);
                    }
                    continue;
                }
                synchronized (conversation) {
                    agent.conversationManager().applyManagement(conversation);
                }
                AgentResult finished = new AgentResult(reply.text(), turn.stopReason(), usage, reply, cycle);
                channel.emit(new AgentEvent.Final(finished.text(), finished.stopReason(), finished.usage()));
                done = true;
                return finished;
            }
        } finally {
            if (!done) {
                synchronized (conversation) {
                    conversation.clear();
                    conversation.addAll(before);
                }
            }
        }
    }

    private record Turn(Message message, StopReason stopReason, Usage usage) {}

    /** One model call; when the conversation overflows the context window, trims it and calls again. */
    private Turn callModel(List<Message> conversation) {
        while (true) {
            ModelRequest request;
            synchronized (conversation) {
                request = new ModelRequest(agent.systemPrompt(), conversation, agent.tools().specs());
            }
            try {
                return streamTurn(request);
            } catch (ModelException e) {
                boolean reduced;
                synchronized (conversation) {
                    reduced = e.contextWindowOverflow() && agent.conversationManager().reduceContext(conversation);
                }
                if (!reduced) {
                    throw e;
                }
            }
        }
    }

    private Turn streamTurn(ModelRequest request) {
        checkNotCancelled();
        MessageAssembler assembler = new MessageAssembler();
        Stream<ModelEvent> events = agent.model().stream(request);
        modelCall.set(events);
        try (events) {
            checkNotCancelled();
            events.forEach(event -> {
                assembler.accept(event);
                if (event instanceof ModelEvent.TextDelta delta && !delta.text().isEmpty()) {
                    channel.emit(new AgentEvent.TextDelta(delta.text()));
                }
            });
        } catch (RuntimeException e) {
            checkNotCancelled();
            throw e;
        } finally {
            modelCall.set(null);
        }
        checkNotCancelled();
        String model = agent.model().description();
        Message message;
        try {
            message = assembler.message(model);
        } catch (ModelException e) {
            if (assembler.stopReason() == StopReason.MAX_TOKENS) { // the limit cut a tool input in half
                throw new AgentException(TOOL_USE_CUT_OFF);
            }
            throw e;
        }
        if (assembler.stopReason() == StopReason.MODEL_CONTEXT_WINDOW_EXCEEDED) {
            throw ModelException.builder()
                    .message("The conversation no longer fits the context window of " + model)
                    .modelId(model)
                    .contextWindowOverflow(true)
                    .build();
        }
        return new Turn(message, assembler.stopReason(), assembler.usage());
    }

    /** Runs the requested tools concurrently; one user message with all results, in request order. */
    private Message runTools(List<ContentBlock.ToolUse> uses) {
        for (ContentBlock.ToolUse use : uses) {
            channel.emit(new AgentEvent.ToolUse(use.toolUseId(), use.name(), use.input()));
        }
        ExecutorService executor = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("agent-tool-", 0).factory());
        toolRuns = executor;
        try {
            checkNotCancelled();
            List<Future<ContentBlock.ToolResult>> runs = new ArrayList<>();
            for (ContentBlock.ToolUse use : uses) {
                runs.add(executor.submit(() -> {
                    ContentBlock.ToolResult outcome = agent.tools().run(use);
                    channel.emit(new AgentEvent.ToolResult(outcome.toolUseId(), outcome.status().wireName(),
                            outcome.content()));
                    return outcome;
                }));
            }
            List<ContentBlock> results = new ArrayList<>();
            for (Future<ContentBlock.ToolResult> run : runs) {
                results.add(run.get());
            }
            executor.shutdown();
            checkNotCancelled(); // a tool may have finished just as the invocation was cancelled
            return new Message(Role.USER, results);
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
            throw new CancellationException("The invocation was cancelled while tools were running");
        } catch (ExecutionException e) {
            executor.shutdownNow();
            throw new IllegalStateException("A tool run failed outside the tool: " + e.getCause(), e.getCause());
        } catch (RuntimeException e) {
            executor.shutdownNow();
            throw e;
        } finally {
            toolRuns = null;
        }
    }

    private void checkNotCancelled() {
        if (cancelled) {
            throw new CancellationException("The invocation was cancelled");
        }
    }

    /** Adds the prompt; merges it into a trailing user message so roles keep alternating. */
    private static void appendUserText(List<Message> conversation, String text) {
        ContentBlock.Text block = new ContentBlock.Text(text);
        int last = conversation.size() - 1;
        if (last >= 0 && conversation.get(last).role() == Role.USER) {
            List<ContentBlock> merged = new ArrayList<>(conversation.get(last).content());
            merged.add(block);
            conversation.set(last, new Message(Role.USER, merged));
        } else {
            conversation.add(new Message(Role.USER, List.of(block)));
        }
    }

    private static String requireText(String prompt) {
        if (prompt == null || prompt.isBlank()) {
            throw new IllegalArgumentException("prompt must not be empty");
        }
        return prompt;
    }

    private static void closeQuietly(Stream<?> stream) {
        if (stream != null) {
            try {
                stream.close();
            } catch (RuntimeException e) {
                // cancelling: the loop reports what matters
            }
        }
    }
}
