package dev.agentcore.client.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code .agentcore/state.json}, written by the deploy CLI (docs/state-file.md): the deployed runtimes with their
 * ARNs, endpoints and authorizers, and the Cognito settings. Unknown fields are ignored.
 */
public record StateFile(Integer version, String region, String accountId, List<DeployedRuntime> runtimes,
                        CognitoSettings cognito) {

    public static final Path DEFAULT_LOCATION = Path.of(".agentcore", "state.json");

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    public StateFile {
        runtimes = runtimes == null ? List.of() : List.copyOf(runtimes);
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
        try {
            StateFile state = JSON.readValue(text, StateFile.class);
            if (state == null) {
                throw new StateFileException(file + ": empty");
            }
            return state;
        } catch (JacksonException e) {
            TokenStreamLocation at = e.getLocation();
            String where = at == null ? "" : ":" + at.getLineNr() + ":" + at.getColumnNr();
            String path = e.getPathReference() == null ? "" : " (at " + e.getPathReference() + ")";
            throw new StateFileException(file + where + ": not a valid state file" + path + ": " + e.getOriginalMessage());
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

    public Optional<CognitoSettings> cognitoSettings() {
        return Optional.ofNullable(cognito);
    }
}
