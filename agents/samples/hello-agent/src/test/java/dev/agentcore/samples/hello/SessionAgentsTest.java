package dev.agentcore.samples.hello;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentcore.agent.Agent;
import dev.agentcore.agent.offline.OfflineEchoModel;
import org.junit.jupiter.api.Test;

class SessionAgentsTest {

    private final SessionAgents agents = new SessionAgents(() -> Agent.builder().model(new OfflineEchoModel()).build());

    @Test
    void aSessionKeepsItsAgentAndSoItsConversation() {
        Agent first = agents.forSession("session-a");
        first.invoke("hello");

        assertThat(agents.forSession("session-a")).isSameAs(first);
        assertThat(agents.forSession("session-a").messages()).hasSize(2);
        assertThat(agents.forSession("session-b")).isNotSameAs(first);
    }

    @Test
    void noSessionIdMeansAFreshAgentEachTime() {
        assertThat(agents.forSession(null)).isNotSameAs(agents.forSession(null));
    }

    @Test
    void theLeastRecentlyUsedSessionsAreDroppedPastTheBound() {
        Agent oldest = agents.forSession("s-0");
        for (int i = 1; i <= 100; i++) {
            agents.forSession("s-" + i);
        }
        assertThat(agents.forSession("s-0")).isNotSameAs(oldest);
    }
}
