package dev.agentcore.runtime;

import dev.agentcore.runtime.core.AgentCoreHealth;
import dev.agentcore.runtime.core.AgentCoreTasks;
import dev.agentcore.runtime.core.PingStatus;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a no-argument bean method that decides the {@code GET /ping} status, like {@code @app.ping} in
 * the Python SDK. It returns a {@link PingStatus} or its wire value ({@code "Healthy"} or
 * {@code "HealthyBusy"}); {@code null} or an exception falls back to the automatic status.
 *
 * <p>Precedence: a status forced through {@link AgentCoreHealth#force} wins, then this handler, then
 * the automatic status from {@link AgentCoreTasks}.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface AgentCorePingHandler {
}
