package dev.agentcore.local.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionEnvironmentTest {

    @TempDir
    Path dir;

    @Test
    void theImagesThenTheRuntimesThenAgentCoresVariablesAndNothingOfTheHost() {
        ContainerImage image = new ContainerImage("arm64", "linux", List.of("java", "-cp", "@/app/cp", "M"), List.of(),
                Map.of("PATH", "/opt/java/openjdk/bin:/usr/bin", "JAVA_HOME", "/opt/java/openjdk",
                        "CONFIG", "/app/resources/x.yaml", "SERVER_PORT", "9999"),
                Optional.empty(), List.of(8080), List.of(), "sha256:0");
        PreparedImage prepared = new PreparedImage(image, dir.resolve("rootfs"), "/app", List.of());
        SessionLaunch launch = SessionLaunch.builder("uri", ServerProtocol.HTTP)
                .environmentVariable("AGENT_MODEL_PROVIDER", "offline").environmentVariable("AWS_REGION", "mars-1")
                .region("eu-west-1").credentials(AwsCredentials.of("ASIAKEY", "s3cr3tValue", "t0kenValue")).build();
        HostJdk jdk = new HostJdk(Path.of("/jdk"), 25);
        Map<String, String> env = new HashMap<>(Map.of("AWS_ACCESS_KEY_ID", "the-hosts-own", "HOSTVAR", "x"));

        SessionProcess.environment(env, launch, prepared, jdk, dir.resolve("home"), 41234);

        assertThat(env).doesNotContainKey("HOSTVAR")
                .containsEntry("PATH", "/jdk/bin:/usr/local/bin:/usr/bin:/bin")
                .containsEntry("JAVA_HOME", "/jdk")
                .containsEntry("CONFIG", dir.resolve("rootfs/app/resources/x.yaml").toString())
                .containsEntry("AGENT_MODEL_PROVIDER", "offline")
                .containsEntry("AWS_REGION", "eu-west-1").containsEntry("AWS_DEFAULT_REGION", "eu-west-1")
                .containsEntry("AWS_ACCESS_KEY_ID", "ASIAKEY").containsEntry("AWS_SECRET_ACCESS_KEY", "s3cr3tValue")
                .containsEntry("AWS_SESSION_TOKEN", "t0kenValue")
                .containsEntry("DOCKER_CONTAINER", "1")
                .containsEntry("SERVER_PORT", "41234").containsEntry("PORT", "41234")
                .containsEntry("SERVER_ADDRESS", "127.0.0.1");
        assertThat(launch.credentials().orElseThrow().toString()).doesNotContain("s3cr3tValue").doesNotContain("t0kenValue");
    }

    @Test
    void rewritesTheApplicationFolderOnlyWhereItIsAPath() {
        Path root = Path.of("/x/rootfs");
        assertThat(PreparedImage.rewrite("/app/resources:/app/classes:/app/libs/a.jar", "/app", root))
                .isEqualTo("/x/rootfs/app/resources:/x/rootfs/app/classes:/x/rootfs/app/libs/a.jar");
        assertThat(PreparedImage.rewrite("@/app/jib-classpath-file", "/app", root))
                .isEqualTo("@/x/rootfs/app/jib-classpath-file");
        assertThat(PreparedImage.rewrite("-Dlog=/app", "/app", root)).isEqualTo("-Dlog=/x/rootfs/app");
        assertThat(PreparedImage.rewrite("/application/x", "/app", root)).isEqualTo("/application/x");
        assertThat(PreparedImage.rewrite("/srv/app/x", "/app", root)).isEqualTo("/srv/app/x");
    }

    @Test
    void anEntrypointThatIsNotJavaIsRefused() {
        ContainerImage python = new ContainerImage("arm64", "linux", List.of("python", "app.py"), List.of(), Map.of(),
                Optional.empty(), List.of(), List.of(), "sha256:0");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> PreparedImage.prepare("uri", python, dir))
                .isInstanceOf(RunnerException.UnsupportedEntrypoint.class)
                .hasMessage("image 'uri' runs 'python', not java: this runner runs Java images on the host's JDK");
    }

    @Test
    void findsTheJdkAsFindJdkShDoes() throws Exception {
        Path jvms = dir.resolve("jvm");
        fakeJdk(jvms.resolve("jdk-17"), "17.0.2");
        fakeJdk(jvms.resolve("jdk-21"), "21.0.5");
        fakeJdk(jvms.resolve("jdk-25"), "25");
        Path chosen = fakeJdk(dir.resolve("chosen"), "21.0.1");

        assertThat(HostJdk.find(chosen.toString(), "", List.of(jvms))).contains(new HostJdk(chosen, 21));
        assertThat(HostJdk.find(jvms.resolve("jdk-17").toString(), "", List.of(jvms)))
                .contains(new HostJdk(jvms.resolve("jdk-25"), 25));
        assertThat(HostJdk.find(null, jvms.resolve("jdk-21/bin").toString(), List.of(jvms)))
                .contains(new HostJdk(jvms.resolve("jdk-21"), 21));
        assertThat(HostJdk.find(null, null, List.of(dir.resolve("none")))).isEmpty();
    }

    private static Path fakeJdk(Path home, String version) throws Exception {
        Files.createDirectories(home.resolve("bin"));
        Path java = Files.writeString(home.resolve("bin/java"), "#!/bin/sh\n");
        java.toFile().setExecutable(true);
        Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"x\"\nJAVA_VERSION=\"" + version + "\"\n");
        return home.toRealPath();
    }
}
