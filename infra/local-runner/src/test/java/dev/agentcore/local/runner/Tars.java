package dev.agentcore.local.runner;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/** Hand-made tars for the cases no image builder writes: traversal, escaping links, whiteouts. */
final class Tars {

    private final Map<String, Object> entries = new LinkedHashMap<>();

    static Tars tar() {
        return new Tars();
    }

    Tars file(String name, String content) {
        entries.put(name, content.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    Tars rawFile(String name, byte[] content) {
        entries.put(name, content);
        return this;
    }

    Tars dir(String name) {
        entries.put(name, Kind.DIR);
        return this;
    }

    Tars symlink(String name, String target) {
        entries.put(name, new Link(target));
        return this;
    }

    private enum Kind { DIR }

    private record Link(String target) {
    }

    byte[] bytes(boolean gzip) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (OutputStream out = gzip ? new GZIPOutputStream(buffer) : buffer;
                TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (Map.Entry<String, Object> e : entries.entrySet()) {
                if (e.getValue() == Kind.DIR) {
                    tar.putArchiveEntry(new TarArchiveEntry(e.getKey().endsWith("/") ? e.getKey() : e.getKey() + "/"));
                } else if (e.getValue() instanceof Link link) {
                    TarArchiveEntry entry = new TarArchiveEntry(e.getKey(), TarArchiveEntry.LF_SYMLINK);
                    entry.setLinkName(link.target());
                    tar.putArchiveEntry(entry);
                } else {
                    byte[] content = (byte[]) e.getValue();
                    // Built by hand so that commons-compress does not normalize "../" away.
                    TarArchiveEntry entry = new TarArchiveEntry(e.getKey(), true);
                    entry.setSize(content.length);
                    tar.putArchiveEntry(entry);
                    tar.write(content);
                }
                tar.closeArchiveEntry();
            }
        }
        return buffer.toByteArray();
    }

    Path write(Path path, boolean gzip) throws IOException {
        Files.createDirectories(path.getParent());
        Files.write(path, bytes(gzip));
        return path;
    }

    /** A docker-save style image archive holding these entries as its one layer. */
    Path image(Path archive, String architecture) throws IOException {
        String config = """
                {"architecture":"%s","os":"linux","config":{"Env":["A=/app/x"],"Entrypoint":["java","-cp",\
                "@/app/jib-classpath-file","Main"],"ExposedPorts":{"8080/tcp":{}}}}""".formatted(architecture);
        return tar().file("manifest.json", "[{\"Config\":\"config.json\",\"Layers\":[\"layer.tar.gz\"]}]")
                .file("config.json", config)
                .rawFile("layer.tar.gz", bytes(true))
                .write(archive, false);
    }

}
