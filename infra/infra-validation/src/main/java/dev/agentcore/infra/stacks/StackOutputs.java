package dev.agentcore.infra.stacks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;

/**
 * The outputs of deployed stacks, one flat JSON object per CloudFormation stack:
 * {@code .agentcore/outputs/<stack name>.json} = {@code {"OutputKey": "OutputValue", ...}}. The deploy CLI writes
 * a file after each stack; later stacks take their chained parameters from them.
 */
public record StackOutputs(Path directory) {

    public static final Path DEFAULT_DIRECTORY = Path.of(".agentcore", "outputs");

    public Path fileOf(String stackName) {
        return directory.resolve(stackName + ".json");
    }

    /** The outputs of a stack, or empty if it has not been deployed (no file yet). */
    public Optional<Map<String, String>> read(String stackName) {
        Path file = fileOf(stackName);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        Map<String, String> outputs = new TreeMap<>();
        for (Map.Entry<String, JsonNode> entry : JsonFiles.readJson(file).properties()) {
            if (!entry.getValue().isString()) {
                throw new InfraConfigException(new Problem(file, entry.getKey(), "an output value is a string"));
            }
            outputs.put(entry.getKey(), entry.getValue().asString());
        }
        return Optional.of(outputs);
    }

    /** Writes a stack's outputs atomically (temporary file, then rename), so a reader never sees half a file. */
    public void write(String stackName, Map<String, String> outputs) {
        Path file = fileOf(stackName);
        try {
            Files.createDirectories(directory);
            Path temporary = Files.createTempFile(directory, stackName, ".tmp");
            try {
                Files.writeString(temporary, JsonFiles.JSON.writerWithDefaultPrettyPrinter()
                        .writeValueAsString(new TreeMap<>(outputs)) + "\n");
                move(temporary, file);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
