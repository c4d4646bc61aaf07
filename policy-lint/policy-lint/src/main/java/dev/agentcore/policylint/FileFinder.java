package dev.agentcore.policylint;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import dev.agentcore.policylint.source.Documents;

/**
 * The files to lint: files named on the command line as they are, directories walked for YAML, JSON and
 * {@code .template} files, skipping {@code .git}, {@code node_modules}, {@code target} and {@code .venv}. What cannot be
 * read is a problem to report, never a file quietly left out: a lint that skipped an input must not pass.
 */
final class FileFinder {

    static final Set<String> SKIPPED_DIRECTORIES = Set.of(".git", "node_modules", "target", ".venv");
    private static final List<String> EXTENSIONS = List.of(".yaml", ".yml", ".json", ".template");

    /** The files found, and the inputs that could not be read (each message names its path). */
    record Found(List<Path> files, List<String> problems) {
    }

    private FileFinder() {
    }

    static Found find(List<Path> roots, List<String> excludes, Path base) {
        List<PathMatcher> excluded = excludes.stream()
                .flatMap(g -> List.of("glob:" + g, "glob:**/" + g).stream())
                .map(g -> FileSystems.getDefault().getPathMatcher(g)).toList();
        Set<Path> files = new TreeSet<>();
        List<String> problems = new ArrayList<>();
        for (Path root : roots) {
            Path abs = base.resolve(root).normalize();
            if (Files.isRegularFile(abs)) {
                if (!isExcluded(abs, base, excluded)) {
                    files.add(abs);
                }
            } else if (Files.isDirectory(abs)) {
                walk(abs, base, excluded, files, problems);
            } else if (Files.isSymbolicLink(abs)) {
                problems.add(root + ": cannot read: broken symbolic link");
            } else if (Files.exists(abs, LinkOption.NOFOLLOW_LINKS)) {
                problems.add(root + ": cannot read: not a regular file or directory");
            } else {
                problems.add(root + ": no such file or directory");
            }
        }
        return new Found(new ArrayList<>(files), problems);
    }

    private static void walk(Path dir, Path base, List<PathMatcher> excluded, Set<Path> files, List<String> problems) {
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                    return skipped(d) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
                    if (!lintable(f) || isExcluded(f, base, excluded)) {
                        return FileVisitResult.CONTINUE;
                    }
                    if (attrs.isRegularFile()) {
                        files.add(f.normalize());
                    } else if (attrs.isSymbolicLink()) {
                        // A link to a template is that template; one to nothing is an input we cannot read.
                        if (Files.isRegularFile(f)) {
                            files.add(f.normalize());
                        } else if (!Files.isDirectory(f)) {
                            problems.add(display(f, base) + ": cannot read: " + (Files.exists(f) ? "not a regular file"
                                    : "broken symbolic link"));
                        }
                    } else if (attrs.isOther()) {
                        problems.add(display(f, base) + ": cannot read: not a regular file");
                    }
                    return FileVisitResult.CONTINUE;
                }

                /** Called for a directory that cannot be opened (before preVisitDirectory) or an entry that cannot be examined. */
                @Override
                public FileVisitResult visitFileFailed(Path f, IOException e) {
                    boolean directory = Files.isDirectory(f, LinkOption.NOFOLLOW_LINKS);
                    if (directory ? skipped(f) : !lintable(f) || isExcluded(f, base, excluded)) {
                        return FileVisitResult.CONTINUE;
                    }
                    problems.add(display(f, base) + ": cannot read the " + (directory ? "directory" : "file") + ": "
                            + Documents.reason(e));
                    return FileVisitResult.CONTINUE;
                }

                private boolean skipped(Path d) {
                    return !d.equals(dir) && (SKIPPED_DIRECTORIES.contains(String.valueOf(d.getFileName()))
                            || isExcluded(d, base, excluded));
                }
            });
        } catch (IOException e) {
            problems.add(display(dir, base) + ": cannot read the directory: " + Documents.reason(e));
        }
    }

    private static boolean lintable(Path f) {
        String name = String.valueOf(f.getFileName()).toLowerCase(Locale.ROOT);
        return EXTENSIONS.stream().anyMatch(name::endsWith);
    }

    private static boolean isExcluded(Path p, Path base, List<PathMatcher> excluded) {
        Path relative = p.startsWith(base) ? base.relativize(p) : p;
        return excluded.stream().anyMatch(m -> m.matches(relative));
    }

    /** The path to show: relative to the working directory when below it. */
    static String display(Path file, Path base) {
        Path abs = file.toAbsolutePath().normalize();
        return abs.startsWith(base) ? base.relativize(abs).toString() : abs.toString();
    }
}
