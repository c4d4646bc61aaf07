package dev.agentcore.client.output;

import dev.agentcore.client.http.Redaction;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Everything a program prints, with secrets cut by {@link Redaction#text}: an answer that quotes a token, an error
 * body that echoes the Authorization header, a stack trace that carries one in its message.
 *
 * <p>The bytes are read as ISO-8859-1, one char a byte, so what is not a secret passes through unchanged (UTF-8 and
 * binary alike; every secret pattern is ASCII). A line is redacted whole when it ends; on {@link #flush()} the
 * unfinished line goes out too, all but its tail that could still grow into a secret (a word of token characters,
 * with a "Bearer " or "client_secret=" before it), so streamed answers keep streaming word by word.
 */
public final class RedactingOutputStream extends FilterOutputStream {

    /** A tail longer than this goes out anyway: no credential is this long, and memory stays bounded. */
    private static final int MAX_HELD = 64 * 1024;
    private static final Pattern MAY_GROW_INTO_SECRET = Pattern.compile(
            "(?:(?i:bearer|basic)\\s+|[\\w-]+[\"']?\\s*[:=]\\s*[\"']?)?[A-Za-z0-9._~+/=%-]*$");

    private final StringBuilder pending = new StringBuilder();
    private final Collection<String> known;

    /** @param known secret values this process was given, cut wherever they appear (more may be added later) */
    public RedactingOutputStream(OutputStream out, Collection<String> known) {
        super(out);
        this.known = known;
    }

    public RedactingOutputStream(OutputStream out) {
        this(out, List.of());
    }

    /** A registry of known secrets to share between streams, which {@link #RedactingOutputStream} reads as it goes. */
    public static Collection<String> knownSecrets() {
        return new CopyOnWriteArrayList<>();
    }

    @Override
    public synchronized void write(int b) throws IOException {
        pending.append((char) (b & 0xff));
        if (b == '\n') {
            emit(pending.length());
        } else if (pending.length() > MAX_HELD) {
            emit(heldFrom());
        }
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) throws IOException {
        pending.append(new String(b, off, len, StandardCharsets.ISO_8859_1));
        int lineEnd = pending.lastIndexOf("\n");
        if (lineEnd >= 0) {
            emit(lineEnd + 1);
        }
        if (pending.length() > MAX_HELD) {
            emit(heldFrom());
        }
    }

    /** Sends what cannot be part of a secret still arriving. */
    @Override
    public synchronized void flush() throws IOException {
        emit(heldFrom());
        out.flush();
    }

    /** Sends everything, the held tail too: the end of the output. */
    public synchronized void finish() throws IOException {
        emit(pending.length());
        out.flush();
    }

    @Override
    public void close() throws IOException {
        finish();
        out.close();
    }

    private int heldFrom() {
        int from = Math.max(0, pending.length() - MAX_HELD);
        Matcher m = MAY_GROW_INTO_SECRET.matcher(pending).region(from, pending.length());
        int start = m.find() ? m.start() : pending.length();
        return pending.length() - start > MAX_HELD ? pending.length() : start;
    }

    private void emit(int upTo) throws IOException {
        if (upTo <= 0) {
            return;
        }
        String text = Redaction.text(pending.substring(0, upTo), known.stream().map(RedactingOutputStream::asBytes).toList());
        pending.delete(0, upTo);
        out.write(encode(text));
    }

    /** A secret as its UTF-8 bytes read one char a byte, the form it takes in {@link #pending}. */
    private static String asBytes(String secret) {
        return new String(secret.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

    /** Chars up to 0xFF are the original bytes; anything above is what redaction wrote ('…'), in UTF-8. */
    private static byte[] encode(String text) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c <= 0xff) {
                bytes.write(c);
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return bytes.toByteArray();
    }
}
