package dev.agentcore.policylint.source;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads a file from disk into a {@link SourceFile}: rejects binary and oversized files before any parsing. */
public final class Documents {

    /** Far above CloudFormation's 1 MB template limit; beyond it we report instead of parsing. */
    public static final long MAX_BYTES = 32L * 1024 * 1024;

    private Documents() {
    }

    /** The outcome of reading a file: its text, or why it has none. */
    public sealed interface Loaded permits Text, Binary, TooLarge, Unreadable {
    }

    public record Text(SourceFile file) implements Loaded {
    }

    public record Binary() implements Loaded {
    }

    public record TooLarge(long bytes) implements Loaded {
    }

    public record Unreadable(String reason) implements Loaded {
    }

    public static Loaded load(Path path, String displayPath) {
        try {
            long size = Files.size(path);
            if (size > MAX_BYTES) {
                return new TooLarge(size);
            }
            byte[] bytes = Files.readAllBytes(path);
            int probe = Math.min(bytes.length, 8192);
            for (int i = 0; i < probe; i++) {
                if (bytes[i] == 0) {
                    return new Binary();
                }
            }
            String text;
            try {
                text = StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes)).toString();
            } catch (CharacterCodingException e) {
                return new Binary();
            }
            if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
                text = text.substring(1);
            }
            return new Text(new SourceFile(path, displayPath, text));
        } catch (IOException e) {
            return new Unreadable(reason(e));
        }
    }

    /** Why a file or directory could not be read, in a few words (the path is the caller's to name). */
    public static String reason(IOException e) {
        return switch (e) {
            case AccessDeniedException denied -> "permission denied";
            case NoSuchFileException gone -> "no such file or directory";
            case FileSystemLoopException loop -> "symbolic link loop";
            default -> e.getMessage() != null ? e.getClass().getSimpleName() + ": " + e.getMessage() : e.getClass().getSimpleName();
        };
    }
}
