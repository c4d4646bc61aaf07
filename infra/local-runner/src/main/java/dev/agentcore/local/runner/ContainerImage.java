package dev.agentcore.local.runner;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a Docker or OCI image's manifest and config say, as this runner needs it.
 *
 * @param architecture the config's {@code architecture}, such as {@code arm64}; empty when absent
 * @param os the config's {@code os}, such as {@code linux}
 * @param entrypoint the config's {@code Entrypoint}; empty when absent
 * @param cmd the config's {@code Cmd}; empty when absent
 * @param environment the config's {@code Env}, in order
 * @param workingDir the config's {@code WorkingDir}, empty when absent
 * @param exposedPorts the config's {@code ExposedPorts}, TCP port numbers in order
 * @param layers the layer blobs (tar, gzip or not) in the manifest's order, bottom first
 * @param digest the sha256 of the config blob (the image id), {@code sha256:...}
 */
public record ContainerImage(String architecture, String os, List<String> entrypoint, List<String> cmd,
        Map<String, String> environment, Optional<String> workingDir, List<Integer> exposedPorts, List<Path> layers,
        String digest) {

    public static final String SUPPORTED_ARCHITECTURE = "arm64";

    public ContainerImage {
        entrypoint = List.copyOf(entrypoint);
        cmd = List.copyOf(cmd);
        environment = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(environment));
        exposedPorts = List.copyOf(exposedPorts);
        layers = List.copyOf(layers);
    }

    /** Refuses an image that is not arm64 with the service's own text, as CreateAgentRuntime does. */
    public ContainerImage requireArm64(String containerUri) {
        if (!SUPPORTED_ARCHITECTURE.equals(architecture)) {
            throw new RunnerException.ArchitectureIncompatible(containerUri, architecture);
        }
        return this;
    }

    /** The command the image runs: its entry point followed by its cmd, as a container engine joins them. */
    public List<String> command() {
        return java.util.stream.Stream.concat(entrypoint.stream(), cmd.stream()).toList();
    }
}
