package dev.agentcore.local.runner;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where a runtime's {@code containerUri} finds its image: the image archive Jib wrote with {@code jib:buildTar},
 * registered under the URI the runtime names (as a push to ECR would make it known under that URI).
 */
public interface ImageSource {

    /** The archive for the URI, if any. */
    Optional<Path> archive(String containerUri);

    /** A source backed by a map the caller fills, such as a deploy tool "pushing" a tar under its ECR URI. */
    static Registered registered() {
        return new Registered();
    }

    final class Registered implements ImageSource {
        private final Map<String, Path> archives = new ConcurrentHashMap<>();

        private Registered() {
        }

        /** Makes {@code archive} the image of {@code containerUri}, replacing any earlier one (a new push). */
        public Registered register(String containerUri, Path archive) {
            if (!Files.isRegularFile(archive)) {
                throw new RunnerException.ImageUnavailable("image archive " + archive + " does not exist");
            }
            archives.put(containerUri, archive.toAbsolutePath().normalize());
            return this;
        }

        @Override
        public Optional<Path> archive(String containerUri) {
            return Optional.ofNullable(archives.get(containerUri));
        }
    }
}
