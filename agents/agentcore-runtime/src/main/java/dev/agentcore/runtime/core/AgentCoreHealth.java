package dev.agentcore.runtime.core;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Decides the {@code GET /ping} status with the Python SDK's precedence: a forced status, then the custom ping
 * handler, then the automatic status ({@code HealthyBusy} while {@link AgentCoreTasks} has open tasks). The time of
 * last update moves only when the status changes, so that the platform can tell how long a session has been idle.
 */
public final class AgentCoreHealth {

    private static final System.Logger log = System.getLogger(AgentCoreHealth.class.getName());

    /** A status and the unix second it last changed, as {@code /ping} reports them. */
    public record Ping(PingStatus status, long timeOfLastUpdate) {

        /** {@code {"status":"Healthy","time_of_last_update":1733356800}}: compact, as Starlette writes it. */
        public String json() {
            return "{\"status\":\"" + status.wireValue() + "\",\"time_of_last_update\":" + timeOfLastUpdate + "}";
        }
    }

    private final AgentCoreTasks tasks;
    private final Clock clock;
    private volatile Supplier<?> customHandler;
    private volatile PingStatus forced;
    private PingStatus lastKnown;
    private long lastUpdate;

    public AgentCoreHealth(AgentCoreTasks tasks, Clock clock) {
        this.tasks = tasks;
        this.clock = clock;
        this.lastUpdate = clock.instant().getEpochSecond();
    }

    /** Installs the custom status source ({@code @app.ping}); it returns a {@link PingStatus}, its wire value or null. */
    public void useCustomHandler(Supplier<?> handler) {
        this.customHandler = handler;
    }

    /** Forces the status until {@link #clearForced()}, overriding the handler and the task count. */
    public void force(PingStatus status) {
        this.forced = Objects.requireNonNull(status, "status");
    }

    public void clearForced() {
        this.forced = null;
    }

    public synchronized Ping ping() {
        PingStatus current = forced;
        if (current == null) {
            current = fromCustomHandler();
        }
        if (current == null) {
            current = tasks.activeCount() > 0 ? PingStatus.HEALTHY_BUSY : PingStatus.HEALTHY;
        }
        if (current != lastKnown) {
            lastKnown = current;
            lastUpdate = clock.instant().getEpochSecond();
        }
        return new Ping(current, lastUpdate);
    }

    private PingStatus fromCustomHandler() {
        Supplier<?> handler = customHandler;
        if (handler == null) {
            return null;
        }
        try {
            Object result = handler.get();
            if (result instanceof PingStatus status) {
                return status;
            }
            return result == null ? null : PingStatus.fromWireValue(result.toString());
        } catch (RuntimeException e) {
            log.log(Level.WARNING, "Custom ping handler failed, falling back to automatic: " + e.getMessage());
            return null;
        }
    }
}
