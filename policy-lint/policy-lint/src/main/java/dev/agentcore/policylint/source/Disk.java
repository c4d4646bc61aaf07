package dev.agentcore.policylint.source;

import java.io.FileInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * The file-system calls policy-lint makes to find and read its inputs, in one place: tests substitute the failures
 * that permissions cannot cause when they run as root (an unreadable directory, a file that cannot be opened).
 */
public interface Disk {

    /** The attributes of {@code path}, of the link's target when {@code followLinks}. */
    BasicFileAttributes attributes(Path path, boolean followLinks) throws IOException;

    /** The entries of a directory, sorted by name so every run walks in the same order. */
    List<Path> list(Path directory) throws IOException;

    byte[] read(Path file) throws IOException;

    Disk REAL = new Disk() {
        @Override
        public BasicFileAttributes attributes(Path path, boolean followLinks) throws IOException {
            return followLinks ? Files.readAttributes(path, BasicFileAttributes.class)
                    : Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        }

        @Override
        public List<Path> list(Path directory) throws IOException {
            List<Path> entries = new ArrayList<>();
            try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory)) {
                stream.forEach(entries::add);
            }
            entries.sort(null);
            return entries;
        }

        @Override
        public byte[] read(Path file) throws IOException {
            // java.io first: opening a FileChannel for each file is most of what reading a small template costs in a
            // JVM that has just started. When it cannot open the file, NIO tries again and throws the exception that
            // says why (NoSuchFileException, AccessDeniedException), which the messages name.
            FileInputStream in;
            try {
                in = new FileInputStream(file.toFile());
            } catch (FileNotFoundException e) {
                return Files.readAllBytes(file);
            }
            try (in) {
                return in.readAllBytes();
            }
        }
    };
}
