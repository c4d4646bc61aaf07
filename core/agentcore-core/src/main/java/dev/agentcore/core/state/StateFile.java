package dev.agentcore.core.state;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code .agentcore/state.json} (docs/state-file.md): what a deploy created, the runtimes with their ARNs, endpoints
 * and authorizers, and the Cognito settings. The deploy tool writes it; the invoke clients and policy-lint read it.
 * This class is its only reader and writer. Unknown fields are ignored, so older readers accept newer files.
 */
public record StateFile(Integer version, String region, String accountId, List<DeployedRuntime> runtimes,
                        CognitoSettings cognito) {

    public static final int CURRENT_VERSION = 1;
    public static final Path DEFAULT_LOCATION = Path.of(".agentcore", "state.json");

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .changeDefaultPropertyInclusion(i -> i.withValueInclusion(JsonInclude.Include.NON_NULL))
            .build();

    public StateFile {
        runtimes = runtimes == null ? List.of() : List.copyOf(runtimes);
    }

    /** A state file of the current version. */
    public static StateFile of(String region, String accountId, List<DeployedRuntime> runtimes, CognitoSettings cognito) {
        return new StateFile(CURRENT_VERSION, region, accountId, runtimes, cognito);
    }

    public static StateFile read(Path file) throws StateFileException {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new StateFileException(file + ": no such file");
        } catch (IOException e) {
            throw new StateFileException(file + ": cannot be read: " + e.getMessage());
        }
        StateFile state;
        try {
            state = JSON.readValue(text, StateFile.class);
        } catch (JacksonException e) {
            TokenStreamLocation at = e.getLocation();
            String where = at == null || at.getLineNr() < 1 ? "" : ":" + at.getLineNr() + ":" + at.getColumnNr();
            String path = e.getPathReference() == null ? "" : " (at " + e.getPathReference() + ")";
            throw new StateFileException(file + where + ": not a valid state file" + path + ": " + e.getOriginalMessage());
        }
        if (state == null) {
            throw new StateFileException(file + ": empty");
        }
        if (state.version() != null && state.version() > CURRENT_VERSION) {
            throw new StateFileException(file + ": version " + state.version() + " was written by a newer deploy tool;"
                    + " this one reads version " + CURRENT_VERSION + " (update the repository)");
        }
        return state;
    }

    /**
     * Writes this state to {@code file} atomically: the JSON goes to a temporary file beside it, is flushed to disk,
     * and is renamed over the old one, so a reader sees the old state or the new one, never half of either. The
     * temporary file is removed when anything fails.
     */
    public void write(Path file) throws StateFileException {
        Path target = file.toAbsolutePath();
        Path temp = null;
        try {
            Files.createDirectories(target.getParent());
            temp = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", ".tmp");
            byte[] json = (JSON.writeValueAsString(this) + "\n").getBytes(StandardCharsets.UTF_8);
            try (FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                out.write(java.nio.ByteBuffer.wrap(json));
                out.force(true);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            temp = null;
        } catch (IOException | JacksonException e) {
            throw new StateFileException(file + ": cannot be written: " + e.getMessage());
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // The write already failed and says so; a leftover temp file is named for what it is.
                }
            }
        }
    }

    /** The state file of the repository the working directory is in: {@code .agentcore/state.json} upward. */
    public static Optional<Path> locate(Path start) {
        for (Path dir = start.toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(DEFAULT_LOCATION);
            if (Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** Finds a runtime by name, id or ARN. */
    public Optional<DeployedRuntime> runtime(String nameIdOrArn) {
        return runtimes.stream()
                .filter(r -> nameIdOrArn.equals(r.name()) || nameIdOrArn.equals(r.agentRuntimeId())
                        || nameIdOrArn.equals(r.agentRuntimeArn()))
                .findFirst();
    }

    /** This state with {@code runtime} added, or put in place of the runtime of the same name. */
    public StateFile withRuntime(DeployedRuntime runtime) {
        List<DeployedRuntime> others = runtimes.stream().filter(r -> !r.name().equals(runtime.name())).toList();
        return new StateFile(version, region, accountId,
                java.util.stream.Stream.concat(others.stream(), java.util.stream.Stream.of(runtime)).toList(), cognito);
    }

    public Optional<CognitoSettings> cognitoSettings() {
        return Optional.ofNullable(cognito);
    }
}
