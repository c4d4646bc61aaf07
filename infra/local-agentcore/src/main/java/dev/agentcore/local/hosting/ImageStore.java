package dev.agentcore.local.hosting;

import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import dev.agentcore.local.runner.ImageSource;

/**
 * The local stand-in for ECR: a folder of Jib image tars, one per {@code containerUri}
 * ({@code ACCOUNT.dkr.ecr.REGION.amazonaws.com/REPO:TAG} or any {@code repo:tag}), plus archives registered in memory
 * ({@code --image URI=PATH}). A push copies the tar into the folder under the URI's file name, so the images survive a
 * restart and any process (the deploy tool) can push by writing a file.
 *
 * <p>File names are the URI with a default {@code :latest} tag, URL-encoded, plus {@code .tar}: for example
 * {@code 123456789012.dkr.ecr.us-east-1.amazonaws.com%2Fhello-agent%3A1.tar}.
 */
public final class ImageStore implements ImageSource {

    static final String SUFFIX = ".tar";

    private final Path folder;
    private final Map<String, Path> registered = new ConcurrentHashMap<>();

    public ImageStore(Path folder) {
        this.folder = folder.toAbsolutePath().normalize();
    }

    public Path folder() {
        return folder;
    }

    /**
     * The URI as images are keyed: whitespace stripped, {@code :latest} added when it names no tag or digest (as
     * container engines read it).
     */
    public static String normalize(String containerUri) {
        String uri = containerUri.strip();
        if (uri.isEmpty()) {
            throw new IllegalArgumentException("a container URI is required");
        }
        String last = uri.substring(uri.lastIndexOf('/') + 1);
        return last.contains(":") || last.contains("@") ? uri : uri + ":latest";
    }

    /** The file a push of {@code containerUri} writes. */
    public Path fileFor(String containerUri) {
        return folder.resolve(URLEncoder.encode(normalize(containerUri), StandardCharsets.UTF_8) + SUFFIX);
    }

    /** Serves {@code archive} (left where it is) as {@code containerUri}'s image, before any pushed file. */
    public ImageStore register(String containerUri, Path archive) {
        if (!Files.isRegularFile(archive)) {
            throw new IllegalArgumentException("image archive " + archive + " does not exist");
        }
        registered.put(normalize(containerUri), archive.toAbsolutePath().normalize());
        return this;
    }

    /**
     * The push: copies {@code archive} into the folder as {@code containerUri}'s image, replacing an earlier one
     * atomically (a session starting meanwhile reads the old or the new tar, never half of one).
     */
    public Path push(String containerUri, Path archive) throws IOException {
        if (!Files.isRegularFile(archive)) {
            throw new IllegalArgumentException("image archive " + archive + " does not exist");
        }
        Files.createDirectories(folder);
        Path target = fileFor(containerUri);
        Path partial = Files.createTempFile(folder, ".push-", ".partial");
        try {
            Files.copy(archive, partial, StandardCopyOption.REPLACE_EXISTING);
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
        return target;
    }

    @Override
    public Optional<Path> archive(String containerUri) {
        String key = normalize(containerUri);
        Path memory = registered.get(key);
        if (memory != null) {
            return Optional.of(memory);
        }
        Path file = fileFor(key);
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    /** Every image known, by URI: the pushed files, then the registered archives over them. */
    public Map<String, Path> images() throws IOException {
        Map<String, Path> all = new TreeMap<>();
        if (Files.isDirectory(folder)) {
            try (Stream<Path> files = Files.list(folder)) {
                files.filter(f -> f.getFileName().toString().endsWith(SUFFIX) && Files.isRegularFile(f))
                        .forEach(f -> {
                            String name = f.getFileName().toString();
                            all.put(URLDecoder.decode(name.substring(0, name.length() - SUFFIX.length()),
                                    StandardCharsets.UTF_8), f);
                        });
            }
        }
        all.putAll(registered);
        return all;
    }
}
