package dev.agentcore.infra.stacks;

import java.nio.file.Path;
import java.util.Map;

/**
 * One stack of the deploy order: a short name (also the section of the environment file), the template it
 * deploys, and parameters fixed by the layout itself (such as the stage of an endpoints stack).
 */
public record StackDefinition(String name, Path template, Map<String, String> parameters) {

    public StackDefinition {
        parameters = Map.copyOf(parameters);
    }
}
