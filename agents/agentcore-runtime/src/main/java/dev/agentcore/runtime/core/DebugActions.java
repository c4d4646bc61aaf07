package dev.agentcore.runtime.core;

import java.lang.System.Logger.Level;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * The reference's debug actions ({@code BedrockAgentCoreApp(debug=True)}): a payload with
 * {@code "_agent_core_app_action"} reads or forces the ping status instead of calling the entry point.
 */
final class DebugActions {

    private static final System.Logger log = System.getLogger(DebugActions.class.getName());

    static final String ACTION_KEY = "_agent_core_app_action";

    /** A status and the compact JSON to answer with. */
    record Answer(int status, Object body) {
    }

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

    private final AgentCoreHealth health;
    private final AgentCoreTasks tasks;

    DebugActions(AgentCoreHealth health, AgentCoreTasks tasks) {
        this.health = health;
        this.tasks = tasks;
    }

    /** The answer when the payload asks for a debug action; empty to call the entry point. */
    Optional<Answer> answer(JsonNode payload) {
        if (!payload.isObject() || !payload.hasNonNull(ACTION_KEY)) {
            return Optional.empty();
        }
        String requested = payload.get(ACTION_KEY).asString();
        return Optional.of(Action.named(requested)
                .map(action -> new Answer(200, perform(action)))
                .orElseGet(() -> {
                    log.log(Level.WARNING, "Unknown debug action requested: " + PayloadDecoder.clip(requested, 100));
                    return new Answer(400, Map.of("error", "Unknown action: " + PayloadDecoder.clip(requested, 100)));
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
                log.log(Level.INFO, "Forced ping status cleared");
                yield Map.of("forced_status", "Cleared");
            }
        };
    }

    private Map<String, String> forced(PingStatus status) {
        health.force(status);
        log.log(Level.INFO, "Ping status forced to " + status.wireValue());
        return Map.of("forced_status", status.wireValue());
    }
}
