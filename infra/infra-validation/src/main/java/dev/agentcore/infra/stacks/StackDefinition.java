package dev.agentcore.infra.stacks;

import dev.agentcore.core.runtime.Qualifier;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * One stack of the deploy order: a short name (also the section of the environment file), the template it deploys,
 * and parameters fixed by the layout itself. An entry of {@code infra/stacks.json} with {@code forEach} is a group:
 * the deploy plan makes one stack of it per runtime (or per endpoint) of {@code runtimes.json}, each named
 * {@code <group>-<runtime slug>[-<endpoint slug>]} and carrying its runtime (and endpoint).
 *
 * @param group    the entry of stacks.json this stack comes from (its own name for a shared stack); an environment
 *                 file's section of that name applies to every stack of the group
 * @param scope    shared, per runtime, or per endpoint
 * @param runtime  the runtime this stack is for (per-runtime and per-endpoint stacks of a plan)
 * @param endpoint the endpoint this stack is for (per-endpoint stacks of a plan)
 */
public record StackDefinition(String name, Path template, Map<String, String> parameters, String group,
        StackScope scope, Optional<RuntimeSpec> runtime, Optional<Qualifier> endpoint) {

    public StackDefinition {
        parameters = Map.copyOf(parameters);
    }

    /** A shared stack: one for the whole deployment. */
    public StackDefinition(String name, Path template, Map<String, String> parameters) {
        this(name, template, parameters, name, StackScope.SHARED, Optional.empty(), Optional.empty());
    }

    /** This group's stack for one runtime. */
    StackDefinition forRuntime(RuntimeSpec spec) {
        return new StackDefinition(group + "-" + RuntimeParameter.slug(spec.name().value()), template, parameters, group,
                scope, Optional.of(spec), Optional.empty());
    }

    /** This group's stack for one named endpoint of a runtime. */
    StackDefinition forEndpoint(RuntimeSpec spec, Qualifier qualifier) {
        return new StackDefinition(group + "-" + RuntimeParameter.slug(spec.name().value()) + "-"
                + RuntimeParameter.slug(qualifier.value()), template, parameters, group, scope, Optional.of(spec),
                Optional.of(qualifier));
    }

    /** True when this stack may use the outputs of {@code earlier}: a shared one, or one of the same runtime. */
    boolean sees(StackDefinition earlier) {
        return earlier.runtime.isEmpty()
                || runtime.isPresent() && runtime.get().name().equals(earlier.runtime.get().name());
    }
}
