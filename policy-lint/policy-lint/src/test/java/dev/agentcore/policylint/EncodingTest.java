package dev.agentcore.policylint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * policy-lint reads what CloudFormation reads: UTF-8, with or without a byte-order mark. Anything else (Latin-1, UTF-16,
 * a NUL byte, binary data) is refused by CloudFormation too, so it is an input error (exit 2) naming the file, the
 * line, the column, the byte offset and what is wrong: never a file taken for "binary" and quietly left out, which
 * would hide the {@code agentName-*} placeholder in it.
 */
class EncodingTest {

    static final Duration BOUND = Duration.ofSeconds(30);

    @TempDir
    Path dir;
    String seed;

    @BeforeEach
    void readSeed() throws IOException {
        seed = Files.readString(LintRun.fixture("rules/seed-infrastructure.yaml"));
    }

    private LintRun lint(String name, byte[] content) throws IOException {
        Files.write(dir.resolve(name), content);
        return assertTimeoutPreemptively(BOUND, () -> LintRun.run(LintRun.withoutConfig(dir).paths(Path.of(name))));
    }

    /** The seed with its Description (line 5) ending in "café", written as Latin-1. */
    private byte[] latin1() {
        return seed.replace("test agent application\n", "test agent application caf\u00e9\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void aLatin1ByteIsAnInputErrorNamingTheLineColumnAndByte() throws IOException {
        byte[] bytes = latin1();
        int offset = indexOf(bytes, (byte) 0xE9);
        LintRun r = lint("latin1.yaml", bytes);
        assertThat(r.status()).isEqualTo(ExitStatus.INPUT_ERROR);
        assertThat(r.err()).contains("latin1.yaml: cannot read: byte 0xE9 at line 5, column 69 (byte offset " + offset
                + ") is not UTF-8 (saved as Latin-1 or Windows-1252?); CloudFormation reads UTF-8 only: save the file as UTF-8");
        assertThat(r.out()).contains("in 0 templates checked");
    }

    @Test
    void utf16IsAnInputErrorWithOrWithoutAByteOrderMark() throws IOException {
        LintRun withBom = lint("bom16.yaml", seed.getBytes(StandardCharsets.UTF_16)); // Java writes FE FF first
        assertThat(withBom.status()).isEqualTo(ExitStatus.INPUT_ERROR);
        assertThat(withBom.err()).contains("bom16.yaml: cannot read: UTF-16BE text (byte-order mark FE FF); "
                + "CloudFormation reads UTF-8 only: save the file as UTF-8");
        LintRun little = lint("le.yaml", seed.getBytes(StandardCharsets.UTF_16LE));
        assertThat(little.status()).isEqualTo(ExitStatus.INPUT_ERROR);
        assertThat(little.err()).contains("le.yaml: cannot read: UTF-16LE text without a byte-order mark (every other byte is NUL); "
                + "CloudFormation reads UTF-8 only: save the file as UTF-8");
        byte[] bom32 = {(byte) 0xFF, (byte) 0xFE, 0, 0, '{', 0, 0, 0};
        assertThat(lint("bom32.json", bom32).err()).contains("bom32.json: cannot read: UTF-32LE text (byte-order mark FF FE 00 00)");
    }

    @Test
    void aNulByteIsAnInputErrorAtItsExactLineWhereverItIs() throws IOException {
        LintRun early = lint("early.yaml", ("# \u0000\n" + seed).getBytes(StandardCharsets.UTF_8));
        assertThat(early.status()).isEqualTo(ExitStatus.INPUT_ERROR);
        assertThat(early.err()).contains("early.yaml: cannot read: a NUL byte at line 1, column 3 (byte offset 2): binary data, "
                + "not text (CloudFormation refuses it too)");
        // Past the first 8 KB, where a sniffing reader stops looking; the line must be the NUL's, not the parser's.
        String late = seed + "\n".repeat(10) + "#" + "x".repeat(9000) + "\n# \u0000\n";
        int offset = late.getBytes(StandardCharsets.UTF_8).length - 2;
        LintRun r = lint("late.yaml", late.getBytes(StandardCharsets.UTF_8));
        assertThat(r.status()).isEqualTo(ExitStatus.INPUT_ERROR);
        assertThat(r.err()).contains("late.yaml: cannot read: a NUL byte at line 83, column 3 (byte offset " + offset + ")");
    }

    @Test
    void aControlCharacterPastTheFirst8KbIsLocatedAtItsOwnLine() throws IOException {
        // Not a NUL, so the file is read; the YAML reader refuses the character, and the finding must point at it.
        String late = seed + "\n".repeat(10) + "#" + "x".repeat(9000) + "\n# \u0001\n";
        LintRun r = lint("ctl.yaml", late.getBytes(StandardCharsets.UTF_8));
        assertThat(r.status()).isEqualTo(ExitStatus.INPUT_ERROR);
        assertThat(r.out()).contains("ctl.yaml:83:3: error PL001 YAML: special characters are not allowed");
    }

    @Test
    void aUtf8ByteOrderMarkIsReadAsCloudFormationReadsIt() throws IOException {
        byte[] body = seed.getBytes(StandardCharsets.UTF_8);
        byte[] bom = new byte[body.length + 3];
        bom[0] = (byte) 0xEF;
        bom[1] = (byte) 0xBB;
        bom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, bom, 3, body.length);
        LintRun r = lint("bom.yaml", bom);
        assertThat(r.out()).contains("bom.yaml:61:140: error PL100").contains("in 1 template checked");
        assertThat(r.err()).isEmpty();
        assertThat(r.status()).isEqualTo(ExitStatus.FINDINGS);
    }

    @Test
    void binaryDataNamedOrWalkedIsAnInputErrorNotAPass() throws IOException {
        byte[] binary = new byte[4096];
        new Random(7).nextBytes(binary);
        binary[0] = (byte) 0x89; // never valid as the first byte of UTF-8
        LintRun named = lint("logo.png", binary);
        assertThat(named.status()).isEqualTo(ExitStatus.INPUT_ERROR);
        assertThat(named.err()).contains("logo.png: cannot read: byte 0x89 at line 1, column 1 (byte offset 0) is not UTF-8");
        Files.write(dir.resolve("blob.json"), binary);
        LintRun walked = assertTimeoutPreemptively(BOUND, () -> LintRun.run(LintRun.withoutConfig(dir).paths(Path.of("."))));
        assertThat(walked.status()).isEqualTo(ExitStatus.INPUT_ERROR);
        assertThat(walked.err()).contains("blob.json: cannot read: byte 0x89 at line 1, column 1");
    }

    @Test
    void aWalkedDirectoryReportsEveryTemplateItCannotDecode() throws IOException {
        Path infra = Files.createDirectories(dir.resolve("infra"));
        Files.copy(LintRun.fixture("corpus/agentcore-runtime-stack.yaml"), infra.resolve("clean.yaml"));
        Files.write(infra.resolve("agent.yaml"), latin1());
        LintRun r = assertTimeoutPreemptively(BOUND, () -> LintRun.run(LintRun.withoutConfig(dir).paths(Path.of("infra"))));
        assertThat(r.status()).isEqualTo(ExitStatus.INPUT_ERROR);
        assertThat(r.err()).contains("infra/agent.yaml: cannot read: byte 0xE9 at line 5");
        assertThat(r.out()).contains("in 1 template checked; 1 input not read");
    }

    private static int indexOf(byte[] bytes, byte b) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        throw new AssertionError("no such byte");
    }
}
