package dev.agentcore.policylint.source;

import java.nio.file.Path;
import java.util.Arrays;

/** A file's text with a line index, so that any character offset turns into a line and column. */
public final class SourceFile {

    private final Path path;
    private final String displayPath;
    private final String text;
    private final int[] lineStarts;

    public SourceFile(Path path, String displayPath, String text) {
        this.path = path;
        this.displayPath = displayPath;
        this.text = text;
        // indexOf rather than a loop over the characters: a short-lived JVM runs that loop interpreted.
        int count = 1;
        for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
            count++;
        }
        int[] starts = new int[count];
        int line = 1;
        for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
            starts[line++] = i + 1;
        }
        this.lineStarts = starts;
    }

    public Path path() {
        return path;
    }

    /** The path as the user gave it or as found under a given directory. */
    public String displayPath() {
        return displayPath;
    }

    public String text() {
        return text;
    }

    public int lineCount() {
        return lineStarts.length;
    }

    public Position position(int offset) {
        int clamped = Math.max(0, Math.min(offset, text.length()));
        int idx = Arrays.binarySearch(lineStarts, clamped);
        int line = idx >= 0 ? idx : -idx - 2;
        return new Position(line + 1, clamped - lineStarts[line] + 1);
    }

    /** The character offset of a 1-based line and a 1-based column counted in code points (as YAML marks count). */
    public int offset(int line, int codePointColumn) {
        if (line < 1) {
            return 0;
        }
        if (line > lineStarts.length) {
            return text.length();
        }
        int start = lineStarts[line - 1];
        int end = line < lineStarts.length ? lineStarts[line] : text.length();
        int offset = start;
        for (int cp = 1; cp < codePointColumn && offset < end; cp++) {
            offset += Character.isHighSurrogate(text.charAt(offset)) && offset + 1 < end ? 2 : 1;
        }
        return offset;
    }

    /** The text of a 1-based line without its line break. */
    public String line(int line) {
        if (line < 1 || line > lineStarts.length) {
            return "";
        }
        int start = lineStarts[line - 1];
        int end = line < lineStarts.length ? lineStarts[line] - 1 : text.length();
        if (end > start && text.charAt(end - 1) == '\r') {
            end--;
        }
        return text.substring(start, Math.max(start, end));
    }

    @Override
    public String toString() {
        return displayPath;
    }
}
