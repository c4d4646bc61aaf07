package dev.agentcore.local.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageArchiveTest {

    @TempDir
    Path dir;

    @Test
    void readsAnOciImageLayout() throws Exception {
        byte[] layer = Tars.tar().file("app/jib-classpath-file", "/app/classes").bytes(true);
        String layerDigest = ImageArchive.sha256(layer);
        String config = "{\"architecture\":\"arm64\",\"os\":\"linux\",\"config\":{\"Entrypoint\":[\"java\",\"-cp\","
                + "\"@/srv/jib-classpath-file\",\"M\"],\"WorkingDir\":\"/srv\",\"Env\":[\"K=V=W\"]}}";
        String configDigest = ImageArchive.sha256(config.getBytes(StandardCharsets.UTF_8));
        String manifest = "{\"config\":{\"digest\":\"sha256:" + configDigest + "\"},\"layers\":[{\"digest\":\"sha256:"
                + layerDigest + "\"}]}";
        String manifestDigest = ImageArchive.sha256(manifest.getBytes(StandardCharsets.UTF_8));
        Path archive = Tars.tar().file("oci-layout", "{\"imageLayoutVersion\":\"1.0.0\"}")
                .file("index.json", "{\"manifests\":[{\"digest\":\"sha256:" + manifestDigest + "\"}]}")
                .file("blobs/sha256/" + manifestDigest, manifest).file("blobs/sha256/" + configDigest, config)
                .rawFile("blobs/sha256/" + layerDigest, layer).write(dir.resolve("oci.tar"), false);

        ContainerImage image = ImageArchive.unpack(archive, dir.resolve("blobs"));

        assertThat(image.architecture()).isEqualTo("arm64");
        assertThat(image.environment()).containsEntry("K", "V=W");
        assertThat(image.workingDir()).contains("/srv");
        assertThat(image.digest()).isEqualTo("sha256:" + configDigest);
        assertThat(image.layers()).hasSize(1);
        assertThat(PreparedImage.appRoot(image.command(), image.workingDir())).isEqualTo("/srv");
    }

    @Test
    void anArchiveThatIsNoImageIsUnavailable() throws Exception {
        Path archive = Tars.tar().file("readme.txt", "hi").write(dir.resolve("not-an-image.tar"), false);

        assertThatThrownBy(() -> ImageArchive.unpack(archive, dir.resolve("blobs")))
                .isInstanceOf(RunnerException.ImageUnavailable.class)
                .hasMessageContaining("has neither manifest.json nor index.json");
    }

    @Test
    void anImageWhoseLayerTraversesIsRefusedBeforeAnythingRuns() throws Exception {
        String uri = "123456789012.dkr.ecr.us-east-1.amazonaws.com/evil:1";
        Path archive = Tars.tar().file("app/jib-classpath-file", "/app/classes")
                .file("app/../../../../tmp/escaped-by-layer", "pwned").image(dir.resolve("evil.tar"), "arm64");
        try (SessionPool pool = new SessionPool(ImageSource.registered().register(uri, archive),
                SessionPool.Settings.defaults(dir.resolve("work"), dir.resolve("logs")))) {
            assertThatThrownBy(() -> pool.acquire(new SessionKey("evil-abcdefghij", "1", "s".repeat(33)),
                    SessionLaunch.builder(uri, ServerProtocol.HTTP).build()))
                    .isInstanceOf(RunnerException.UnsafeLayerEntry.class)
                    .hasMessageContaining("'app/../../../../tmp/escaped-by-layer' has a '..' step");
            assertThat(pool.sessions()).isEmpty();
        }
        assertThat(Path.of("/tmp/escaped-by-layer")).doesNotExist();
    }

    @Test
    void anUnknownUriIsUnavailable() {
        try (SessionPool pool = new SessionPool(ImageSource.registered(),
                SessionPool.Settings.defaults(dir.resolve("work"), dir.resolve("logs"))
                        .withReaperInterval(Duration.ofSeconds(1)))) {
            assertThatThrownBy(() -> pool.inspect("nowhere/x:1"))
                    .isInstanceOf(RunnerException.ImageUnavailable.class)
                    .hasMessageStartingWith("no image for uri 'nowhere/x:1'");
        }
    }
}
