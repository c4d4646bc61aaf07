package dev.agentcore.runtime;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Tracks a bean method as background work, like {@code @app.async_task} in the Python SDK: while it
 * runs, {@code /ping} reports {@code HealthyBusy} so AgentCore keeps the session alive.
 *
 * <p>A method returning a {@code CompletionStage} counts as running until the stage completes; any
 * other method until it returns or throws. Call the method through the bean (Spring proxies it).
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface AgentCoreAsyncTask {

    /** Task name shown in the task info; defaults to the method name. */
    String value() default "";
}
