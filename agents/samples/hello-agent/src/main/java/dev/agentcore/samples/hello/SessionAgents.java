package dev.agentcore.samples.hello;

import dev.agentcore.agent.Agent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

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
}
