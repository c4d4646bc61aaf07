package dev.agentcore.policylint;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;

import dev.agentcore.policylint.source.Disk;

/**
 * The real disk, except that one path is refused as the kernel refuses it without permission (EACCES): listing a
 * directory, examining an entry of a directory without search permission, or opening a file. Root is not refused by
 * permissions, so tests running as root inject the failure here instead.
 */
record FaultyDisk(Fault fault, Path path) implements Disk {

    enum Fault {
        /** {@code opendir} fails: a directory without read permission. */
        LIST,
        /** {@code stat} fails for everything below {@code path}: a directory without search (x) permission. */
        EXAMINE_BELOW,
        /** {@code open} fails: a file without read permission. */
        READ
    }

    @Override
    public BasicFileAttributes attributes(Path p, boolean followLinks) throws IOException {
        if (fault == Fault.EXAMINE_BELOW && !p.equals(path) && p.normalize().startsWith(path)) {
            throw new AccessDeniedException(p.toString());
        }
        return REAL.attributes(p, followLinks);
    }

    @Override
    public List<Path> list(Path directory) throws IOException {
        if (fault == Fault.LIST && directory.normalize().equals(path)) {
            throw new AccessDeniedException(directory.toString());
        }
        return REAL.list(directory);
    }

    @Override
    public byte[] read(Path file) throws IOException {
        if (fault == Fault.READ && file.normalize().equals(path)) {
            throw new AccessDeniedException(file.toString());
        }
        return REAL.read(file);
    }
}
