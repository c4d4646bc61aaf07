package dev.agentcore.agent.tool;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method the model may call. The tool's input JSON Schema is derived from the method's parameters
 * (compile with {@code -parameters} so their names are known); annotate them with {@link ToolParam}.
 * A returned {@code String} reaches the model as text, any other value as JSON; an exception reaches the
 * model as an error result ({@code "Error: ..."}) instead of failing the agent.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Tool {

    /** The tool's name as the model sees it; the method name when empty. Letters, digits, '_' and '-'. */
    String name() default "";

    /** What the tool does and when to use it; the model reads this to decide. */
    String description();
}
