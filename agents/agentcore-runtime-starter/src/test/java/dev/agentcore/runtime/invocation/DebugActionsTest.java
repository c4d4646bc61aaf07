package dev.agentcore.runtime.invocation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentcore.runtime.AgentCoreHealth;
import dev.agentcore.runtime.AgentCoreTasks;
import dev.agentcore.runtime.PingStatus;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class DebugActionsTest {

    private static final JsonMapper mapper = JsonMapper.builder().build();

    private final AgentCoreTasks tasks = new AgentCoreTasks(Clock.systemUTC());
    private final AgentCoreHealth health = new AgentCoreHealth(tasks, Clock.systemUTC());

    private DebugActions actions(boolean enabled) {
        return new DebugActions(enabled, health, tasks, new WireJson(mapper));
    }

    private static JsonNode action(String name) {
        return mapper.readTree("{\"_agent_core_app_action\":\"" + name + "\"}");
    }

    @Test
    void disabledActionsAndOrdinaryPayloadsGoToTheHandler() {
        assertThat(actions(false).answer(action("force_busy"))).isEmpty();
        assertThat(actions(true).answer(mapper.readTree("{\"prompt\":\"hi\"}"))).isEmpty();
        assertThat(actions(true).answer(mapper.readTree("[1]"))).isEmpty();
        assertThat(health.status()).isEqualTo(PingStatus.HEALTHY);
    }

    @Test
    void forcingAndClearingThePingStatus() {
        assertThat(actions(true).answer(action("force_busy")))
                .contains(new JsonReply(200, "{\"forced_status\":\"HealthyBusy\"}"));
        assertThat(health.status()).isEqualTo(PingStatus.HEALTHY_BUSY);
        assertThat(actions(true).answer(action("clear_forced_status")))
                .contains(new JsonReply(200, "{\"forced_status\":\"Cleared\"}"));
        assertThat(health.status()).isEqualTo(PingStatus.HEALTHY);
    }

    @Test
    void readingTheStatusAndTheJobs() {
        tasks.add("import");
        assertThat(actions(true).answer(action("ping_status")).orElseThrow().body())
                .startsWith("{\"status\":\"HealthyBusy\",\"time_of_last_update\":");
        assertThat(actions(true).answer(action("job_status")).orElseThrow().body())
                .startsWith("{\"active_count\":1,\"running_jobs\":[{\"name\":\"import\"");
    }

    @Test
    void anUnknownActionIs400NamingIt() {
        assertThat(actions(true).answer(action("PING_STATUS")))
                .contains(new JsonReply(400, "{\"error\":\"Unknown action: PING_STATUS\"}"));
    }
}
