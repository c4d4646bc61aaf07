package dev.agentcore.samples.hello;

import dev.agentcore.agent.Agent;
import dev.agentcore.runtime.core.AgentCoreHttpException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * One agent, and so one conversation, per AgentCore session id. In AgentCore each session has a microVM
 * of its own; locally many sessions share this process, so the least recently used are dropped.
 */
final class SessionAgents {

    private static final int MAX_SESSIONS = 100;

    private final Supplier<Agent> newAgent;
    private final Map<String, Agent> bySession = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Agent> eldest) {
            return size() > MAX_SESSIONS;
        }
    };
    private final Set<String> answering = new HashSet<>();

    SessionAgents(Supplier<Agent> newAgent) {
        this.newAgent = newAgent;
    }

    /** The session's agent; a fresh one without memory when the caller sent no session id. */
    synchronized Agent forSession(String sessionId) {
        if (sessionId == null) {
            return newAgent.get();
        }
        return bySession.computeIfAbsent(sessionId, id -> newAgent.get());
    }

    /**
     * The session's streamed answer to {@code prompt}. A session answers one prompt at a time: while it is
     * answering, another prompt is refused here, before any response is sent, with 409 (the conflict is
     * temporary, as AgentCore's own RetryableConflictException says), instead of failing inside a 200 stream.
     */
    Stream<String> answer(String sessionId, String prompt) {
        if (sessionId == null) {
            return newAgent.get().stream(prompt);
        }
        Agent agent;
        synchronized (this) {
            if (!answering.add(sessionId)) {
                throw new AgentCoreHttpException(409, "This session is still answering another prompt; "
                        + "send the next one when that answer has ended");
            }
            agent = forSession(sessionId);
        }
        try {
            return agent.stream(prompt).onClose(() -> finished(sessionId));
        } catch (RuntimeException e) {
            finished(sessionId);
            throw e;
        }
    }

    private synchronized void finished(String sessionId) {
        answering.remove(sessionId);
    }
}
