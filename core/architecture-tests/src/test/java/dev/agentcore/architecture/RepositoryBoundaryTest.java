package dev.agentcore.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.agentcore.testing.RepositoryFiles;

/**
 * A clone holds only the repository: a document, script or test that points at a folder beside it (the team's
 * shared reference material, say) works on one machine and breaks on every other. Facts are brought in, in the
 * repository's own words, with their public source.
 */
class RepositoryBoundaryTest {

    private static final Path ROOT = RepositoryFiles.root();
    private static final Set<String> SKIPPED_DIRECTORIES = Set.of(".git", "target", "node_modules", ".venv", ".idea",
            ".agentcore", "bench-work");
    private static final Pattern OUTSIDE = Pattern.compile("\\.\\./shared/|/work" + "/shared|shared/(reference|real-world)/");

    @Test
    void nothingInTheRepositoryPointsOutsideIt() throws IOException {
        List<String> offenders = new ArrayList<>();
        Files.walkFileTree(ROOT, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                return SKIPPED_DIRECTORIES.contains(dir.getFileName().toString()) ? FileVisitResult.SKIP_SUBTREE
                        : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (!attrs.isRegularFile()) {
                    return FileVisitResult.CONTINUE; // links (a symlinked .venv) and devices are not the repository's text
                }
                List<String> lines;
                try {
                    lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                } catch (MalformedInputException binary) {
                    return FileVisitResult.CONTINUE; // jars and images: nothing to point with
                }
                for (int i = 0; i < lines.size(); i++) {
                    if (OUTSIDE.matcher(lines.get(i)).find()) {
                        offenders.add(ROOT.relativize(file) + ":" + (i + 1) + ": " + lines.get(i).strip());
                    }
                }
                return FileVisitResult.CONTINUE;
            }
        });
        assertThat(offenders).as("files that point outside the repository").isEmpty();
    }
}
