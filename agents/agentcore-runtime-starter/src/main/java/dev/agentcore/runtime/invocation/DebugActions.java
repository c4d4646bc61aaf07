package dev.agentcore.runtime.invocation;

import dev.agentcore.runtime.AgentCoreHealth;
import dev.agentcore.runtime.AgentCoreTasks;
import dev.agentcore.runtime.PingStatus;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * The reference's debug actions ({@code BedrockAgentCoreApp(debug=True)}): a payload with
 * {@code "_agent_core_app_action"} reads or forces the ping status instead of calling the handler.
 */
final class DebugActions {

    private static final Logger log = LoggerFactory.getLogger(DebugActions.class);

    static final String ACTION_KEY = "_agent_core_app_action";

    /** The actions the reference knows, by the name a payload gives them. */
    enum Action {
        PING_STATUS("ping_status"),
        JOB_STATUS("job_status"),
        FORCE_HEALTHY("force_healthy"),
        FORCE_BUSY("force_busy"),
        CLEAR_FORCED_STATUS("clear_forced_status");

        private final String wireName;

        Action(String wireName) {
            this.wireName = wireName;
        }

        static Optional<Action> named(String wireName) {
            return Arrays.stream(values()).filter(action -> action.wireName.equals(wireName)).findFirst();
        }
    }

    private final boolean enabled;
    private final AgentCoreHealth health;
    private final AgentCoreTasks tasks;
    private final WireJson json;

    DebugActions(boolean enabled, AgentCoreHealth health, AgentCoreTasks tasks, WireJson json) {
        this.enabled = enabled;
        this.health = health;
        this.tasks = tasks;
        this.json = json;
    }

    /** The answer when the payload asks for a debug action and they are enabled; empty to call the handler. */
    Optional<JsonReply> answer(JsonNode payload) {
        if (!enabled || !payload.isObject() || !payload.hasNonNull(ACTION_KEY)) {
            return Optional.empty();
        }
        String requested = payload.get(ACTION_KEY).asString();
        return Optional.of(Action.named(requested)
                .map(action -> new JsonReply(200, json.compact(perform(action))))
                .orElseGet(() -> {
                    log.warn("Unknown debug action requested: {}", requested);
                    return new JsonReply(400, json.compact(Map.of("error", "Unknown action: " + requested)));
                }));
    }

    private Object perform(Action action) {
        return switch (action) {
            case PING_STATUS -> {
                AgentCoreHealth.Ping ping = health.ping();
                Map<String, Object> status = new LinkedHashMap<>();
                status.put("status", ping.status().wireValue());
                status.put("time_of_last_update", ping.timeOfLastUpdate());
                yield status;
            }
            case JOB_STATUS -> {
                AgentCoreTasks.TaskInfo info = tasks.info();
                Map<String, Object> jobs = new LinkedHashMap<>();
                jobs.put("active_count", info.activeCount());
                jobs.put("running_jobs", info.runningJobs());
                yield jobs;
            }
            case FORCE_HEALTHY -> forced(PingStatus.HEALTHY);
            case FORCE_BUSY -> forced(PingStatus.HEALTHY_BUSY);
            case CLEAR_FORCED_STATUS -> {
                health.clearForced();
                log.info("Forced ping status cleared");
                yield Map.of("forced_status", "Cleared");
            }
        };
    }

    private Map<String, String> forced(PingStatus status) {
        health.force(status);
        log.info("Ping status forced to {}", status.wireValue());
        return Map.of("forced_status", status.wireValue());
    }
}
