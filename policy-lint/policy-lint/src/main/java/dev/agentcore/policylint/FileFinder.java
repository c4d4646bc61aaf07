package dev.agentcore.policylint;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import dev.agentcore.policylint.source.Disk;
import dev.agentcore.policylint.source.Documents;

/**
 * The files to lint. A file named on the command line is a candidate whatever its name; a directory is walked for YAML,
 * JSON and {@code .template} files, following symbolic links (a directory reached twice, by a loop or a second link,
 * is walked once; a file reached twice is linted once, under the first name found), skipping {@code .git},
 * {@code node_modules}, {@code target}, {@code .venv} and what the excludes match. A candidate that cannot be read is a
 * problem to report, never a file quietly left out: a lint that skipped an input must not pass. What is not a candidate
 * is not read, and is listed as passed over (for {@code --verbose}).
 */
final class FileFinder {

    static final Set<String> SKIPPED_DIRECTORIES = Set.of(".git", "node_modules", "target", ".venv");
    private static final List<String> EXTENSIONS = List.of(".yaml", ".yml", ".json", ".template");

    /**
     * The files found, those of them named on the command line (not found by a walk), the inputs that could not be
     * read (each message names its path) and what was not read.
     */
    record Found(List<Path> files, Set<Path> named, List<String> problems, List<Linter.PassedOver> passedOver) {
    }

    private final Disk disk;
    private final Path base;
    private final List<PathMatcher> excluded;
    private final Set<Path> files = new TreeSet<>();
    private final Set<Path> named = new HashSet<>();
    private final List<String> problems = new ArrayList<>();
    private final List<Linter.PassedOver> passedOver = new ArrayList<>();
    /** File-system identity (device and inode) of every file and directory taken, to the name it was taken under. */
    private final Map<Object, Path> seen = new HashMap<>();

    private FileFinder(Disk disk, Path base, List<PathMatcher> excluded) {
        this.disk = disk;
        this.base = base;
        this.excluded = excluded;
    }

    static Found find(List<Path> roots, List<PathMatcher> excluded, Path base, Disk disk) {
        FileFinder finder = new FileFinder(disk, base, excluded);
        for (Path root : roots) {
            finder.root(root);
        }
        return new Found(new ArrayList<>(finder.files), finder.named, finder.problems, finder.passedOver);
    }

    private void root(Path root) {
        Path abs = base.resolve(root).normalize();
        BasicFileAttributes attrs;
        try {
            attrs = disk.attributes(abs, true);
        } catch (NoSuchFileException e) {
            problems.add(root + ": " + (isLink(abs) ? "cannot read: broken symbolic link" : "no such file or directory"));
            return;
        } catch (IOException e) {
            problems.add(root + ": cannot read: " + Documents.reason(e));
            return;
        }
        if (attrs.isDirectory()) {
            if (take(abs, attrs)) {
                walk(abs);
            }
        } else if (!attrs.isRegularFile()) {
            problems.add(root + ": cannot read: not a regular file or directory");
        } else if (isExcluded(abs)) {
            passOver(abs, "excluded");
        } else if (take(abs, attrs)) {
            files.add(abs);
            named.add(abs);
        }
    }

    private void walk(Path dir) {
        List<Path> entries;
        try {
            entries = disk.list(dir);
        } catch (IOException e) {
            problems.add(display(dir, base) + ": cannot read the directory: " + Documents.reason(e));
            return;
        }
        for (Path entry : entries) {
            visit(entry.normalize());
        }
    }

    private void visit(Path p) {
        BasicFileAttributes attrs;
        try {
            attrs = disk.attributes(p, false);
            if (attrs.isSymbolicLink()) {
                attrs = disk.attributes(p, true);
            }
        } catch (IOException e) {
            // An entry listed but not examinable: a link to nothing or a loop of links, or a directory without search
            // permission. Whether it was a template is unknown unless its name says so.
            String why = e instanceof NoSuchFileException ? "broken symbolic link" : Documents.reason(e);
            if (candidate(p) && !isExcluded(p)) {
                problems.add(display(p, base) + ": cannot read: " + why);
            } else {
                passOver(p, "cannot be examined (" + why + ") and is not named as a template");
            }
            return;
        }
        if (attrs.isDirectory()) {
            if (SKIPPED_DIRECTORIES.contains(String.valueOf(p.getFileName()))) {
                passOver(p, "skipped directory");
            } else if (isExcluded(p)) {
                passOver(p, "excluded");
            } else if (take(p, attrs)) {
                walk(p);
            }
        } else if (!candidate(p)) {
            passOver(p, "not a YAML, JSON or .template file");
        } else if (isExcluded(p)) {
            passOver(p, "excluded");
        } else if (!attrs.isRegularFile()) {
            problems.add(display(p, base) + ": cannot read: not a regular file"); // a FIFO would block the reader
        } else if (take(p, attrs)) {
            files.add(p);
        }
    }

    /** Records {@code p} as taken; false (and a note) when the same file or directory was taken under another name. */
    private boolean take(Path p, BasicFileAttributes attrs) {
        Object key = attrs.fileKey() != null ? attrs.fileKey() : p;
        Path first = seen.putIfAbsent(key, p);
        if (first == null) {
            return true;
        }
        if (!first.equals(p)) {
            passOver(p, "the same " + (attrs.isDirectory() ? "directory" : "file") + " as " + display(first, base)
                    + (attrs.isDirectory() && p.startsWith(first) ? " (a symbolic link loop)" : "") + ", already taken");
        }
        return false;
    }

    private boolean isLink(Path p) {
        try {
            return disk.attributes(p, false).isSymbolicLink();
        } catch (IOException e) {
            return false;
        }
    }

    private void passOver(Path p, String why) {
        passedOver.add(new Linter.PassedOver(display(p, base), why));
    }

    private static boolean candidate(Path f) {
        String name = String.valueOf(f.getFileName()).toLowerCase(Locale.ROOT);
        for (String extension : EXTENSIONS) {
            if (name.endsWith(extension)) {
                return true;
            }
        }
        return false;
    }

    private boolean isExcluded(Path p) {
        if (excluded.isEmpty()) {
            return false; // the common case: no path to relativize for each file of a walk
        }
        Path relative = p.startsWith(base) ? base.relativize(p) : p;
        return excluded.stream().anyMatch(m -> m.matches(relative));
    }

    /** The path to show: relative to the working directory when below it. */
    static String display(Path file, Path base) {
        Path abs = file.toAbsolutePath().normalize();
        return abs.startsWith(base) ? base.relativize(abs).toString() : abs.toString();
    }
}
