package dev.agentcore.local.runner;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.zip.GZIPInputStream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Applies an image's layers, bottom first, to a folder standing for the image's root, keeping only the entries under
 * the application's folder (such as Jib's {@code /app}): the base image's operating system is not needed to run the
 * application on the host's JDK. Whiteouts ({@code .wh.NAME}) delete what a lower layer wrote; an opaque whiteout
 * ({@code .wh..wh..opq}) empties its folder. An entry whose path or link would leave the root is refused, never
 * skipped: a layer that tries it is hostile or broken.
 */
final class LayerExtractor {

    private static final String WHITEOUT = ".wh.";
    private static final String OPAQUE = ".wh..wh..opq";

    private final Path root;
    private final String appRoot;

    /**
     * @param root the host folder standing for the image's {@code /}
     * @param appRoot the image path kept, such as {@code /app}
     */
    LayerExtractor(Path root, String appRoot) {
        this.root = root.toAbsolutePath().normalize();
        this.appRoot = appRoot.endsWith("/") && appRoot.length() > 1 ? appRoot.substring(0, appRoot.length() - 1)
                : appRoot;
    }

    void apply(Path layer) throws IOException {
        String label = layer.getFileName().toString();
        Files.createDirectories(root);
        try (InputStream in = open(layer); TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
            for (TarArchiveEntry entry; (entry = tar.getNextEntry()) != null;) {
                String imagePath = imagePath(label, entry.getName());
                Path target = hostPath(label, entry.getName(), imagePath);
                if (!kept(imagePath)) {
                    continue;
                }
                String base = target.getFileName() == null ? "" : target.getFileName().toString();
                if (base.equals(OPAQUE)) {
                    emptyFolder(target.getParent());
                    continue;
                }
                if (base.startsWith(WHITEOUT)) {
                    delete(target.resolveSibling(base.substring(WHITEOUT.length())));
                    continue;
                }
                requireNoLinkOnTheWay(label, entry.getName(), target);
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else if (entry.isSymbolicLink()) {
                    symlink(label, entry, imagePath, target);
                } else if (entry.isLink()) {
                    String linkedImagePath = imagePath(label, entry.getLinkName());
                    Path linked = hostPath(label, entry.getName(), linkedImagePath);
                    if (!kept(linkedImagePath)) {
                        throw new RunnerException.UnsafeLayerEntry(label, entry.getName(),
                                "is a hard link to '" + entry.getLinkName() + "', outside " + appRoot);
                    }
                    replace(target);
                    Files.copy(linked, target);
                } else if (entry.isFile()) {
                    replace(target);
                    Files.copy(tar, target);
                    if ((entry.getMode() & 0100) != 0) {
                        target.toFile().setExecutable(true, false);
                    }
                }
                // Devices, FIFOs and the like have no place in an application folder: ignored.
            }
        }
    }

    private static InputStream open(Path layer) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(layer));
        in.mark(2);
        int b1 = in.read();
        int b2 = in.read();
        in.reset();
        return b1 == 0x1f && b2 == 0x8b ? new GZIPInputStream(in, 65536) : in;
    }

    /**
     * The entry's absolute path in the image. Any {@code ..} step is refused, even one that would stay inside: no
     * image builder writes one, so it is a traversal attempt.
     */
    private String imagePath(String label, String name) {
        for (String part : name.replace('\\', '/').split("/")) {
            if (part.equals("..")) {
                throw new RunnerException.UnsafeLayerEntry(label, name, "has a '..' step: path traversal");
            }
        }
        return Path.of("/").resolve(name.replace('\\', '/')).normalize().toString();
    }

    private Path hostPath(String label, String name, String imagePath) {
        Path target = root.resolve(imagePath.substring(1)).normalize();
        if (!target.startsWith(root)) {
            throw new RunnerException.UnsafeLayerEntry(label, name, "leaves the extraction folder");
        }
        return target;
    }

    private boolean kept(String imagePath) {
        return imagePath.equals(appRoot) || imagePath.startsWith(appRoot + "/");
    }

    /** A symbolic link a lower layer left must not carry a later entry out of the root. */
    private void requireNoLinkOnTheWay(String label, String name, Path target) {
        for (Path p = target.getParent(); p != null && p.startsWith(root) && !p.equals(root); p = p.getParent()) {
            if (Files.isSymbolicLink(p)) {
                throw new RunnerException.UnsafeLayerEntry(label, name, "goes through the symbolic link " + p);
            }
        }
    }

    private void symlink(String label, TarArchiveEntry entry, String imagePath, Path target) throws IOException {
        String link = entry.getLinkName();
        String resolved = link.startsWith("/") ? Path.of(link).normalize().toString()
                : Path.of(imagePath).getParent().resolve(link).normalize().toString();
        if (resolved.startsWith("/..") || !kept(resolved)) {
            throw new RunnerException.UnsafeLayerEntry(label, entry.getName(),
                    "is a symbolic link to '" + link + "', outside " + appRoot);
        }
        // Relative on the host, so that it stays inside the extraction folder wherever that folder is.
        Path hostTarget = root.resolve(resolved.substring(1));
        replace(target);
        Files.createSymbolicLink(target, target.getParent().relativize(hostTarget));
    }

    private static void replace(Path target) throws IOException {
        Files.createDirectories(target.getParent());
        delete(target);
    }

    private void emptyFolder(Path folder) throws IOException {
        if (Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            try (var children = Files.list(folder)) {
                for (Path child : children.toList()) {
                    delete(child);
                }
            }
        }
    }

    static void delete(Path path) throws IOException {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (!Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
            Files.delete(path);
            return;
        }
        Files.walkFileTree(path, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
