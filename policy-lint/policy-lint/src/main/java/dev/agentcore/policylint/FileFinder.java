package dev.agentcore.policylint;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The files to lint: files named on the command line as they are, directories walked for YAML, JSON and
 * {@code .template} files, skipping {@code .git}, {@code node_modules}, {@code target} and {@code .venv}.
 */
final class FileFinder {

    static final Set<String> SKIPPED_DIRECTORIES = Set.of(".git", "node_modules", "target", ".venv");
    private static final List<String> EXTENSIONS = List.of(".yaml", ".yml", ".json", ".template");

    record Found(List<Path> files, List<String> missing) {
    }

    private FileFinder() {
    }

    static Found find(List<Path> roots, List<String> excludes, Path base) {
        List<PathMatcher> excluded = excludes.stream()
                .flatMap(g -> List.of("glob:" + g, "glob:**/" + g).stream())
                .map(g -> FileSystems.getDefault().getPathMatcher(g)).toList();
        Set<Path> files = new TreeSet<>();
        List<String> missing = new ArrayList<>();
        for (Path root : roots) {
            Path abs = base.resolve(root).normalize();
            if (Files.isRegularFile(abs)) {
                if (!isExcluded(abs, base, excluded)) {
                    files.add(abs);
                }
            } else if (Files.isDirectory(abs)) {
                walk(abs, base, excluded, files);
            } else {
                missing.add(root.toString());
            }
        }
        return new Found(new ArrayList<>(files), missing);
    }

    private static void walk(Path dir, Path base, List<PathMatcher> excluded, Set<Path> files) {
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                    if (!d.equals(dir) && (SKIPPED_DIRECTORIES.contains(String.valueOf(d.getFileName()))
                            || isExcluded(d, base, excluded))) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
                    String name = f.getFileName().toString().toLowerCase(Locale.ROOT);
                    if (attrs.isRegularFile() && EXTENSIONS.stream().anyMatch(name::endsWith) && !isExcluded(f, base, excluded)) {
                        files.add(f.normalize());
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path f, IOException e) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // an unreadable directory holds nothing we can lint
        }
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
