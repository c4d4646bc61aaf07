package dev.agentcore.agent.tool;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Describes a {@link Tool} method parameter, or a component of a record used as a parameter type.
 * Parameters and record components are required unless {@code required = false} or their type is
 * {@link java.util.Optional}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.PARAMETER, ElementType.FIELD})
public @interface ToolParam {

    /** What the value means, with units; becomes the property's {@code description}. */
    String description() default "";

    /** Whether the model must provide the value. */
    boolean required() default true;
}
