package dev.agentcore.client.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class RedactingOutputStreamTest {

    static final String JWT = "eyJraWQiOiJhYmMiLCJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxMjMifQ.c2lnbmF0dXJlc2lnbmF0dXJl";

    @Test
    void aTokenWrittenInPiecesWithFlushesBetweenIsNeverPrintedWhole() throws Exception {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        RedactingOutputStream out = new RedactingOutputStream(sink);
        String text = "your token is Bearer " + JWT + ", keep it";
        for (int i = 0; i < text.length(); i += 5) {
            out.write(text.substring(i, Math.min(text.length(), i + 5)).getBytes(StandardCharsets.UTF_8));
            out.flush();
        }
        out.finish();
        assertThat(sink.toString(StandardCharsets.UTF_8)).isEqualTo("your token is Bearer eyJraWQi…(" + JWT.length() + " chars), keep it")
                .doesNotContain(JWT.substring(10, 40));
    }

    @Test
    void wordsBeforeTheTailGoOutOnFlushSoAnswersStillStream() throws Exception {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        RedactingOutputStream out = new RedactingOutputStream(sink);
        out.write("Hello wor".getBytes(StandardCharsets.UTF_8));
        out.flush();
        assertThat(sink.toString(StandardCharsets.UTF_8)).isEqualTo("Hello ");
        out.write("ld\n".getBytes(StandardCharsets.UTF_8));
        assertThat(sink.toString(StandardCharsets.UTF_8)).isEqualTo("Hello world\n");
    }

    @Test
    void whatIsNoSecretPassesByteForByte() throws Exception {
        byte[] bytes = new byte[256];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) i;
        }
        byte[] text = "héllo wörld ✓\n".getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        RedactingOutputStream out = new RedactingOutputStream(sink, List.of("not-in-the-output"));
        out.write(bytes);
        out.write(text);
        out.finish();
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        expected.write(bytes);
        expected.write(text);
        assertThat(sink.toByteArray()).isEqualTo(expected.toByteArray());
    }

    @Test
    void whatIsAlreadyCutIsNotCutAgain() throws Exception {
        String once = dev.agentcore.client.http.Redaction.text("Authorization: Bearer " + JWT + "\nclient_secret=abcdefghijklmnopqrstuvwxyz\n");
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        RedactingOutputStream out = new RedactingOutputStream(sink);
        out.write(once.getBytes(StandardCharsets.UTF_8));
        out.finish();
        assertThat(sink.toString(StandardCharsets.UTF_8)).isEqualTo(once);
    }
}
