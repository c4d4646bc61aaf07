package dev.agentcore.infra.stacks;

import java.nio.file.Path;

/**
 * Something wrong with the manifest, an environment file or a template, and where: the file and the field
 * (a dotted path such as {@code parameters.runtime.ImageTag}) or the line.
 */
public record Problem(Path file, String where, String message) {

    @Override
    public String toString() {
        return where.isEmpty() ? file + ": " + message : file + ": " + where + ": " + message;
    }
}
