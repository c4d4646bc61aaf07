package dev.agentcore.local.runner;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads an image archive: Jib's {@code jib:buildTar} output (the {@code docker save} layout: {@code manifest.json},
 * the config and one blob per layer) or an OCI image layout tar ({@code index.json}, {@code blobs/sha256/...}).
 */
public final class ImageArchive {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    // Archive members are flat names or blobs/<algorithm>/<hex>: nothing else is needed, so nothing else is written.
    private static final Pattern SAFE_MEMBER = Pattern.compile("[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*");

    private ImageArchive() {
    }

    /**
     * Unpacks the archive's members into {@code blobDir} and reads its manifest and config.
     *
     * @throws RunnerException.ImageUnavailable when it is not a readable Docker or OCI image archive
     */
    public static ContainerImage unpack(Path archive, Path blobDir) {
        try {
            Files.createDirectories(blobDir);
            try (InputStream raw = new BufferedInputStream(Files.newInputStream(archive));
                    TarArchiveInputStream tar = new TarArchiveInputStream(raw)) {
                for (TarArchiveEntry entry; (entry = tar.getNextEntry()) != null;) {
                    if (!entry.isFile()) {
                        continue;
                    }
                    String name = entry.getName().startsWith("./") ? entry.getName().substring(2) : entry.getName();
                    if (!SAFE_MEMBER.matcher(name).matches() || name.contains("..")) {
                        throw new RunnerException.UnsafeLayerEntry(archive.getFileName().toString(), name,
                                "is not a plain image archive member name");
                    }
                    Path target = blobDir.resolve(name);
                    Files.createDirectories(target.getParent());
                    Files.copy(tar, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return Files.isRegularFile(blobDir.resolve("manifest.json")) ? dockerArchive(archive, blobDir)
                    : ociLayout(archive, blobDir);
        } catch (IOException | RuntimeException e) {
            if (e instanceof RunnerException r) {
                throw r;
            }
            throw new RunnerException.ImageUnavailable("cannot read image archive " + archive + ": " + e.getMessage(), e);
        }
    }

    private static ContainerImage dockerArchive(Path archive, Path dir) throws IOException {
        JsonNode manifest = JSON.readTree(dir.resolve("manifest.json").toFile());
        if (!manifest.isArray() || manifest.size() != 1) {
            throw new RunnerException.ImageUnavailable(archive + ": manifest.json must list exactly one image");
        }
        JsonNode image = manifest.get(0);
        List<Path> layers = new ArrayList<>();
        for (JsonNode layer : image.path("Layers")) {
            layers.add(member(archive, dir, layer.asString()));
        }
        return config(archive, member(archive, dir, image.path("Config").asString()), layers);
    }

    private static ContainerImage ociLayout(Path archive, Path dir) throws IOException {
        Path indexFile = dir.resolve("index.json");
        if (!Files.isRegularFile(indexFile)) {
            throw new RunnerException.ImageUnavailable(archive + " has neither manifest.json nor index.json: not an"
                    + " image archive");
        }
        JsonNode index = JSON.readTree(indexFile.toFile());
        JsonNode manifests = index.path("manifests");
        if (manifests.size() != 1) {
            throw new RunnerException.ImageUnavailable(archive + ": index.json must list exactly one manifest, not "
                    + manifests.size());
        }
        JsonNode manifest = JSON.readTree(blob(archive, dir, manifests.get(0).path("digest").asString()).toFile());
        List<Path> layers = new ArrayList<>();
        for (JsonNode layer : manifest.path("layers")) {
            layers.add(blob(archive, dir, layer.path("digest").asString()));
        }
        return config(archive, blob(archive, dir, manifest.path("config").path("digest").asString()), layers);
    }

    private static ContainerImage config(Path archive, Path configFile, List<Path> layers) throws IOException {
        byte[] bytes = Files.readAllBytes(configFile);
        JsonNode root = JSON.readTree(bytes);
        JsonNode config = root.path("config");
        Map<String, String> environment = new LinkedHashMap<>();
        for (JsonNode pair : config.path("Env")) {
            String text = pair.asString();
            int eq = text.indexOf('=');
            environment.put(eq < 0 ? text : text.substring(0, eq), eq < 0 ? "" : text.substring(eq + 1));
        }
        List<Integer> ports = new ArrayList<>();
        for (String port : config.path("ExposedPorts").propertyNames()) {
            String[] parts = port.split("/", 2);
            if (parts.length == 1 || parts[1].equals("tcp")) {
                try {
                    ports.add(Integer.parseInt(parts[0]));
                } catch (NumberFormatException e) {
                    throw new RunnerException.ImageUnavailable(archive + ": ExposedPorts has '" + port + "'");
                }
            }
        }
        String workingDir = config.path("WorkingDir").asString("");
        return new ContainerImage(root.path("architecture").asString(""), root.path("os").asString(""),
                strings(config.path("Entrypoint")), strings(config.path("Cmd")), environment,
                workingDir.isEmpty() ? Optional.empty() : Optional.of(workingDir), ports, layers,
                "sha256:" + sha256(bytes));
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asString()));
        return values;
    }

    private static Path blob(Path archive, Path dir, String digest) {
        String[] parts = digest.split(":", 2);
        if (parts.length != 2) {
            throw new RunnerException.ImageUnavailable(archive + ": '" + digest + "' is not a digest");
        }
        return member(archive, dir, "blobs/" + parts[0] + "/" + parts[1]);
    }

    private static Path member(Path archive, Path dir, String name) {
        Path path = dir.resolve(name).normalize();
        if (name.isEmpty() || !path.startsWith(dir) || !Files.isRegularFile(path)) {
            throw new RunnerException.ImageUnavailable(archive + ": the manifest names '" + name
                    + "', which the archive does not hold");
        }
        return path;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
