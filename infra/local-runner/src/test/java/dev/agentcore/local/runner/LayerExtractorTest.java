package dev.agentcore.local.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LayerExtractorTest {

    @TempDir
    Path dir;

    @Test
    void keepsOnlyTheApplicationFolder() throws Exception {
        Path root = dir.resolve("rootfs");
        new LayerExtractor(root, "/app").apply(Tars.tar().dir("app").file("app/classes/A.class", "a")
                .file("etc/passwd", "root").file("./app/libs/x.jar", "x").write(dir.resolve("l1.tar.gz"), true));

        assertThat(root.resolve("app/classes/A.class")).hasContent("a");
        assertThat(root.resolve("app/libs/x.jar")).hasContent("x");
        assertThat(root.resolve("etc")).doesNotExist();
    }

    @Test
    void whiteoutsDeleteWhatALowerLayerWrote() throws Exception {
        Path root = dir.resolve("rootfs");
        LayerExtractor extractor = new LayerExtractor(root, "/app");
        extractor.apply(Tars.tar().file("app/a", "1").file("app/b", "2").file("app/libs/old.jar", "o")
                .write(dir.resolve("l1.tar"), false));
        extractor.apply(Tars.tar().file("app/.wh.a", "").file("app/libs/.wh..wh..opq", "").file("app/libs/new.jar", "n")
                .write(dir.resolve("l2.tar.gz"), true));

        assertThat(root.resolve("app/a")).doesNotExist();
        assertThat(root.resolve("app/b")).hasContent("2");
        assertThat(root.resolve("app/libs/old.jar")).doesNotExist();
        assertThat(root.resolve("app/libs/new.jar")).hasContent("n");
    }

    @Test
    void pathTraversalIsRefusedAndWritesNothingOutside() throws Exception {
        Path root = dir.resolve("rootfs");
        Path layer = Tars.tar().file("app/../../../escaped", "pwned").write(dir.resolve("evil.tar.gz"), true);

        assertThatThrownBy(() -> new LayerExtractor(root, "/app").apply(layer))
                .isInstanceOf(RunnerException.UnsafeLayerEntry.class)
                .hasMessage("refused image layer evil.tar.gz: entry 'app/../../../escaped' has a '..' step: path"
                        + " traversal");
        assertThat(dir.resolve("escaped")).doesNotExist();
        assertThat(dir.getParent().resolve("escaped")).doesNotExist();
    }

    @Test
    void aSymbolicLinkOutOfTheApplicationIsRefused() throws Exception {
        Path layer = Tars.tar().symlink("app/passwd", "/etc/passwd").write(dir.resolve("link.tar.gz"), true);

        assertThatThrownBy(() -> new LayerExtractor(dir.resolve("rootfs"), "/app").apply(layer))
                .isInstanceOf(RunnerException.UnsafeLayerEntry.class)
                .hasMessageContaining("symbolic link to '/etc/passwd', outside /app");
    }

    @Test
    void aSymbolicLinkInsideStaysInsideTheExtractionFolder() throws Exception {
        Path root = dir.resolve("rootfs");
        new LayerExtractor(root, "/app").apply(Tars.tar().file("app/libs/real.jar", "r")
                .symlink("app/current.jar", "/app/libs/real.jar").write(dir.resolve("ok.tar.gz"), true));

        Path link = root.resolve("app/current.jar");
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readSymbolicLink(link).isAbsolute()).isFalse();
        assertThat(link).hasContent("r");
    }

    @Test
    void aLaterEntryCannotWriteThroughALinkALowerLayerLeft() throws Exception {
        Path root = dir.resolve("rootfs");
        LayerExtractor extractor = new LayerExtractor(root, "/app");
        extractor.apply(Tars.tar().dir("app/data").symlink("app/link", "/app/data").write(dir.resolve("l1.tar"), false));

        assertThatThrownBy(() -> extractor.apply(Tars.tar().file("app/link/x", "x").write(dir.resolve("l2.tar"), false)))
                .isInstanceOf(RunnerException.UnsafeLayerEntry.class)
                .hasMessageContaining("goes through the symbolic link");
    }
}
