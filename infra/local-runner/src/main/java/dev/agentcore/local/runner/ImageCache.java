package dev.agentcore.local.runner;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Images read and extracted once per archive content, under {@code workDir/images/<archive sha256>}: sessions of the
 * same image share the extracted application folder, as microVMs share an image.
 */
final class ImageCache {

    private record ArchiveStamp(Path archive, long size, FileTime modified) {
    }

    private final ImageSource source;
    private final Path imagesDir;
    private record Inspected(ContainerImage image, Path folder) {
    }

    private final Map<ArchiveStamp, Inspected> inspected = new ConcurrentHashMap<>();
    private final Map<String, PreparedImage> prepared = new ConcurrentHashMap<>();

    ImageCache(ImageSource source, Path imagesDir) {
        this.source = source;
        this.imagesDir = imagesDir;
    }

    synchronized ContainerImage inspect(String containerUri) {
        return read(containerUri).image();
    }

    private Inspected read(String containerUri) {
        Path archive = source.archive(containerUri).orElseThrow(() -> new RunnerException.ImageUnavailable(
                "no image for uri '" + containerUri + "': build it with jib:buildTar and register the tar"));
        try {
            ArchiveStamp stamp = new ArchiveStamp(archive, Files.size(archive), Files.getLastModifiedTime(archive));
            Inspected known = inspected.get(stamp);
            if (known != null) {
                return known;
            }
            Path folder = folder(archive);
            Inspected read = new Inspected(ImageArchive.unpack(archive, folder.resolve("blobs")), folder);
            inspected.put(stamp, read);
            return read;
        } catch (IOException e) {
            throw new RunnerException.ImageUnavailable("cannot read image archive " + archive + ": " + e.getMessage(),
                    e);
        }
    }

    synchronized PreparedImage prepare(String containerUri) {
        Inspected read = read(containerUri);
        ContainerImage image = read.image().requireArm64(containerUri);
        return prepared.computeIfAbsent(read.folder().toString(),
                ignored -> PreparedImage.prepare(containerUri, image, read.folder()));
    }

    private Path folder(Path archive) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(archive),
                MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            String hex = HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
            return imagesDir.resolve(hex.substring(0, 32));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
