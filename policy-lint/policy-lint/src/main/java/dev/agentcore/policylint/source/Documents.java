package dev.agentcore.policylint.source;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads a file from disk into a {@link SourceFile} as CloudFormation reads a template: UTF-8, with or without a
 * byte-order mark. What CloudFormation cannot read either (UTF-16 or UTF-32, Latin-1 bytes, a NUL, binary data) is
 * {@link Undecodable}, with the line, column and byte offset of the first problem: the caller reports it, never passes
 * the file over. Oversized files are refused before they are read.
 */
public final class Documents {

    /** Far above CloudFormation's 1 MB template limit; beyond it we report instead of parsing. */
    public static final long MAX_BYTES = 32L * 1024 * 1024;

    private static final String SAVE_AS_UTF8 = "; CloudFormation reads UTF-8 only: save the file as UTF-8";

    private Documents() {
    }

    /** The outcome of reading a file: its text, or why it has none. */
    public sealed interface Loaded permits Text, Undecodable, TooLarge, Unreadable {
    }

    public record Text(SourceFile file) implements Loaded {
    }

    /** Bytes that are not UTF-8 text; {@code problem} says what and where (line, column, byte offset). */
    public record Undecodable(String problem) implements Loaded {
    }

    public record TooLarge(long bytes) implements Loaded {
    }

    /** The file system refused (permission, gone, not a file); {@code reason} in a few words. */
    public record Unreadable(String reason) implements Loaded {
    }

    public static Loaded load(Path path, String displayPath) {
        return load(path, displayPath, Disk.REAL);
    }

    public static Loaded load(Path path, String displayPath, Disk disk) {
        try {
            long size = disk.attributes(path, true).size();
            if (size > MAX_BYTES) {
                return new TooLarge(size);
            }
            byte[] bytes = disk.read(path);
            if (bytes.length > MAX_BYTES) {
                return new TooLarge(bytes.length); // grew between the two calls
            }
            return decode(path, displayPath, bytes);
        } catch (IOException e) {
            return new Unreadable(reason(e));
        }
    }

    /** {@code bytes} as a source file, or what keeps them from being UTF-8 text. */
    public static Loaded decode(Path path, String displayPath, byte[] bytes) {
        String wide = wideEncoding(bytes);
        if (wide != null) {
            return new Undecodable(wide + SAVE_AS_UTF8);
        }
        int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        // The common case first, with the JDK's own decoding: it turns malformed input into U+FFFD, so text without
        // U+FFFD (and without NUL) was valid UTF-8 text. Anything else takes the decoder that says where it is wrong.
        String text = new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8);
        if (text.indexOf('\uFFFD') < 0 && text.indexOf('\0') < 0) {
            return new Text(new SourceFile(path, displayPath, text));
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate(bytes.length - start);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        int malformed = result.isError() ? in.position() : bytes.length;
        int nul = indexOfNul(bytes, start, malformed);
        if (nul >= 0) {
            return new Undecodable("a NUL byte at " + where(bytes, start, nul) + ": binary data, not text (CloudFormation refuses it too)");
        }
        if (result.isError()) {
            int b = bytes[malformed] & 0xFF;
            String guess = result.length() == 1 && b >= 0x80 ? " (saved as Latin-1 or Windows-1252?)" : "";
            return new Undecodable(String.format(Locale.ROOT, "byte 0x%02X at %s is not UTF-8%s%s", b, where(bytes, start, malformed),
                    guess, SAVE_AS_UTF8));
        }
        out.flip();
        return new Text(new SourceFile(path, displayPath, out.toString()));
    }

    /** UTF-16 or UTF-32, told by a byte-order mark or by NULs at every other byte at the start; null when neither. */
    private static String wideEncoding(byte[] b) {
        int n = b.length;
        if (n >= 4 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE && b[2] == 0 && b[3] == 0) {
            return "UTF-32LE text (byte-order mark FF FE 00 00)";
        }
        if (n >= 4 && b[0] == 0 && b[1] == 0 && (b[2] & 0xFF) == 0xFE && (b[3] & 0xFF) == 0xFF) {
            return "UTF-32BE text (byte-order mark 00 00 FE FF)";
        }
        if (n >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
            return "UTF-16BE text (byte-order mark FE FF)";
        }
        if (n >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
            return "UTF-16LE text (byte-order mark FF FE)";
        }
        // Without a mark: ASCII text in UTF-16 has a NUL at every odd (LE) or even (BE) offset.
        int probe = Math.min(n, 64) & ~1;
        if (probe < 4) {
            return null;
        }
        boolean le = true;
        boolean be = true;
        for (int i = 0; i < probe; i += 2) {
            le &= b[i] != 0 && b[i + 1] == 0;
            be &= b[i] == 0 && b[i + 1] != 0;
        }
        return le ? "UTF-16LE text without a byte-order mark (every other byte is NUL)"
                : be ? "UTF-16BE text without a byte-order mark (every other byte is NUL)" : null;
    }

    private static int indexOfNul(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == 0) {
                return i;
            }
        }
        return -1;
    }

    /** "line L, column C (byte offset N)": the column in characters, as an editor shows it; bytes before are UTF-8. */
    private static String where(byte[] bytes, int textStart, int offset) {
        int line = 1;
        int lineStart = textStart;
        for (int i = textStart; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        String before = new String(bytes, lineStart, offset - lineStart, StandardCharsets.UTF_8);
        int column = before.codePointCount(0, before.length()) + 1;
        return "line " + line + ", column " + column + " (byte offset " + offset + ")";
    }

    /** Why a file or directory could not be read, in a few words (the path is the caller's to name). */
    public static String reason(IOException e) {
        return switch (e) {
            case AccessDeniedException denied -> "permission denied";
            case NoSuchFileException gone -> "no such file or directory";
            case FileSystemLoopException loop -> "symbolic link loop";
            case NotDirectoryException notDirectory -> "not a directory";
            // The operating system's words ("Too many levels of symbolic links"), without the path the caller names.
            case FileSystemException other when other.getReason() != null ->
                    other.getReason().substring(0, 1).toLowerCase(Locale.ROOT) + other.getReason().substring(1);
            default -> e.getMessage() != null ? e.getClass().getSimpleName() + ": " + e.getMessage() : e.getClass().getSimpleName();
        };
    }
}
