package dev.agentcore.deploy.images;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the architecture out of a Jib image tar (the {@code docker load} layout: {@code manifest.json} names the
 * config file, whose {@code architecture} is what AgentCore checks). The JDK has no tar reader; the format's
 * 512-byte headers are enough for the two small files this needs.
 */
public final class ImageArchive {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int BLOCK = 512;

    private ImageArchive() {
    }

    /** The architecture of the image in {@code tar}, for example {@code arm64}. */
    public static String architecture(Path tar) throws IOException {
        Map<String, byte[]> manifest = read(tar, Set.of("manifest.json"));
        if (!manifest.containsKey("manifest.json")) {
            throw new IOException(tar + " has no manifest.json: not an image tar of jib:buildTar");
        }
        String config = JSON.readTree(manifest.get("manifest.json")).path(0).path("Config").asString("");
        Map<String, byte[]> configFile = read(tar, Set.of(config));
        if (!configFile.containsKey(config)) {
            throw new IOException(tar + " lacks the config " + config + " its manifest names");
        }
        JsonNode image = JSON.readTree(configFile.get(config));
        return image.path("architecture").asString("unknown");
    }

    private static Map<String, byte[]> read(Path tar, Set<String> wanted) throws IOException {
        Map<String, byte[]> found = new HashMap<>();
        try (InputStream in = Files.newInputStream(tar)) {
            byte[] header = new byte[BLOCK];
            while (in.readNBytes(header, 0, BLOCK) == BLOCK && header[0] != 0) {
                String name = text(header, 0, 100);
                long size = Long.parseLong(text(header, 124, 12).trim().isEmpty() ? "0" : text(header, 124, 12).trim(), 8);
                long padded = (size + BLOCK - 1) / BLOCK * BLOCK;
                if (wanted.contains(name) && size < 16 * 1024 * 1024) {
                    found.put(name, in.readNBytes((int) size));
                    in.skipNBytes(padded - size);
                    if (found.size() == wanted.size()) {
                        return found;
                    }
                } else {
                    in.skipNBytes(padded);
                }
            }
        }
        return found;
    }

    private static String text(byte[] header, int offset, int length) {
        int end = offset;
        while (end < offset + length && header[end] != 0) {
            end++;
        }
        return new String(header, offset, end - offset, StandardCharsets.US_ASCII);
    }
}
