package dev.agentcore.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.agentcore.core.arn.PrincipalArn;
import dev.agentcore.local.auth.SigningCredentials;
import dev.agentcore.local.hosting.ImageStore;

/** The launcher's options for the data plane, the runner and the image store, and the push-image command. */
class LaunchOptionsTest {

    @TempDir
    Path dir;

    @Test
    void theStackOptionsAndTheirDefaults() throws Exception {
        var defaults = LocalAgentCore.Options.parseStack(new String[0], Map.of());
        assertThat(defaults.images()).isEmpty();
        assertThat(defaults.maxSessions()).isEqualTo(16);
        assertThat(defaults.awsEndpoint()).isEmpty();
        assertThat(defaults.requireMmdsV2()).isTrue();
        assertThat(defaults.defaultCaller()).isEqualTo("arn:aws:iam::123456789012:user/local");
        assertThat(defaults.agentCore().iamCache()).isEqualTo(java.time.Duration.ofSeconds(5));

        Path tar = Files.writeString(dir.resolve("hello.tar"), "not read here");
        var given = LocalAgentCore.Options.parseStack(new String[] {"--image", "hello-agent=" + tar,
                "--image-dir", "/tmp/images", "--work-dir=/tmp/work", "--log-dir", "/tmp/logs", "--max-sessions", "2",
                "--aws-endpoint", "http://127.0.0.1:5000", "--caller", "AKIA1=arn:aws:iam::123456789012:role/dev",
                "--require-mmdsv2", "FALSE", "--iam-cache", "0"}, Map.of());
        assertThat(given.images()).containsExactly(Map.entry("hello-agent:latest", tar));
        assertThat(given.imageDirectory()).contains(Path.of("/tmp/images"));
        assertThat(given.workDirectory()).contains(Path.of("/tmp/work"));
        assertThat(given.logDirectory()).contains(Path.of("/tmp/logs"));
        assertThat(given.maxSessions()).isEqualTo(2);
        assertThat(given.awsEndpoint()).contains(URI.create("http://127.0.0.1:5000"));
        // KEY=ARN: the secret is the key id itself, for local scripts.
        assertThat(given.callers()).containsExactly(SigningCredentials.longTerm("AKIA1", "AKIA1",
                PrincipalArn.parse("arn:aws:iam::123456789012:role/dev").orElseThrow()));
        assertThat(given.requireMmdsV2()).isFalse();
        assertThat(given.agentCore().iamCache()).isZero();
    }

    @Test
    void aCallerMayGiveItsSecret() {
        var given = LocalAgentCore.Options.parseStack(new String[] {"--caller",
                "AKIA2:wJalr/K7+a=b:c=arn:aws:iam::123456789012:user/a=b", "--caller=local:other=arn:aws:iam::123456789012:user/me"},
                Map.of());
        assertThat(given.callers()).extracting(SigningCredentials::accessKeyId, SigningCredentials::secretAccessKey,
                        c -> c.principal().toString())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("AKIA2", "wJalr/K7+a=b:c",
                                "arn:aws:iam::123456789012:user/a=b"),
                        org.assertj.core.groups.Tuple.tuple("local", "other", "arn:aws:iam::123456789012:user/me"));
    }

    @Test
    void aWrongCallerSaysWhatIsWrongWithoutItsSecret() {
        assertThatThrownBy(() -> LocalAgentCore.Options.parseStack(new String[] {"--caller", "K:=arn:aws:iam::1:user/x"},
                Map.of())).hasMessageStartingWith("option --caller: 'arn:aws:iam::1:user/x' is not an IAM principal ARN");
        assertThatThrownBy(() -> LocalAgentCore.Options.parseStack(new String[] {"--caller",
                "K:=arn:aws:iam::123456789012:user/x"}, Map.of()))
                .hasMessage("option --caller needs ACCESS_KEY[:SECRET]=PRINCIPAL_ARN with an access key (no '/') and,"
                        + " after ':', a secret that is not empty; not 'K:***=arn:aws:iam::123456789012:user/x'");
        assertThatThrownBy(() -> LocalAgentCore.Options.parseStack(new String[] {"--caller", "K:s3cr3t"}, Map.of()))
                .hasMessage("option --caller needs ACCESS_KEY[:SECRET]=PRINCIPAL_ARN, not 'K:***'");
    }

    @Test
    void wrongStackOptionsSayWhatIsWrong() {
        assertThatThrownBy(() -> LocalAgentCore.Options.parseStack(new String[] {"--image", "hello.tar"}, Map.of()))
                .hasMessage("option --image needs URI=TAR, not 'hello.tar'");
        assertThatThrownBy(() -> LocalAgentCore.Options.parseStack(new String[] {"--image", "a:1=" + dir.resolve("x.tar")},
                Map.of())).hasMessage("option --image: no image tar at " + dir.resolve("x.tar"));
        assertThatThrownBy(() -> LocalAgentCore.Options.parseStack(new String[] {"--caller", "K=alice"}, Map.of()))
                .hasMessageStartingWith("option --caller: 'alice' is not an IAM principal ARN");
        assertThatThrownBy(() -> LocalAgentCore.Options.parseStack(new String[] {"--aws-endpoint", "moto:5000"}, Map.of()))
                .hasMessage("option --aws-endpoint needs an http(s) URL, not 'moto:5000'");
        assertThatThrownBy(() -> LocalAgentCore.Options.parseStack(new String[] {"--require-mmdsv2", "yes"}, Map.of()))
                .hasMessage("option --require-mmdsv2 needs true or false, not 'yes'");
        assertThatThrownBy(() -> LocalAgentCore.Options.parseStack(new String[] {"--max-sessions", "0"}, Map.of()))
                .hasMessage("max sessions 0 is not at least 1");
        assertThatThrownBy(() -> LocalAgentCore.Options.parseStack(new String[] {"--iam-cache", "-1"}, Map.of()))
                .hasMessage("IAM cache time PT-0.001S is negative");
    }

    @Test
    void pushImageCopiesTheTarIntoTheStoreUnderItsUri() throws Exception {
        Path tar = Files.writeString(dir.resolve("hello.tar"), "image bytes");
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        String uri = "123456789012.dkr.ecr.us-east-1.amazonaws.com/hello-agent";
        int code = PushImage.run(new String[] {uri, tar.toString(), "--state-dir", dir.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).isZero();
        ImageStore store = new ImageStore(dir.resolve("images"));
        Path pushed = store.archive(uri + ":latest").orElseThrow();
        assertThat(pushed.getFileName().toString())
                .isEqualTo("123456789012.dkr.ecr.us-east-1.amazonaws.com%2Fhello-agent%3Alatest.tar");
        assertThat(Files.readString(pushed)).isEqualTo("image bytes");
        assertThat(store.images()).containsOnlyKeys(uri + ":latest");
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("pushed " + uri + ":latest to ");

        int missing = PushImage.run(new String[] {uri, dir.resolve("none.tar").toString(), "--image-dir", dir.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(missing).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("image archive " + dir.resolve("none.tar")
                + " does not exist").doesNotContain("Exception");
    }
}
