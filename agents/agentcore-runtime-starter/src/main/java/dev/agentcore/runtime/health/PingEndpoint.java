package dev.agentcore.runtime.health;

import dev.agentcore.runtime.AgentCoreHealth;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;
import tools.jackson.databind.ObjectMapper;

/**
 * {@code GET /ping}: {@code {"status":"Healthy"|"HealthyBusy","time_of_last_update":<unix seconds>}}.
 * It never blocks on handlers: the status is computed from counters, and requests run on virtual threads.
 */
public final class PingEndpoint {

    private static final Logger log = LoggerFactory.getLogger(PingEndpoint.class);

    private final AgentCoreHealth health;
    private final ObjectMapper mapper;
    private final Clock clock;

    public PingEndpoint(AgentCoreHealth health, ObjectMapper mapper, Clock clock) {
        this.health = health;
        this.mapper = mapper;
        this.clock = clock;
    }

    public ServerResponse handle(ServerRequest request) {
        Map<String, Object> body = new LinkedHashMap<>();
        try {
            AgentCoreHealth.Ping ping = health.ping();
            body.put("status", ping.status().wireValue());
            body.put("time_of_last_update", ping.timeOfLastUpdate());
        } catch (RuntimeException e) {
            // As the reference does: a failing status check still answers Healthy.
            log.error("Ping endpoint failed", e);
            body.put("status", "Healthy");
            body.put("time_of_last_update", clock.instant().getEpochSecond());
        }
        return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).body(mapper.writeValueAsString(body));
    }
}
