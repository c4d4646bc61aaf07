package dev.agentcore.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * The buffered input of one connection, whose reads give up at a deadline rather than after a per-read timeout:
 * a client sending one byte a second still runs out of time, where {@code SO_TIMEOUT} alone would wait forever.
 */
final class SocketInput extends InputStream {

    /** Thrown when the connection stayed idle past its deadline before a request began: close it without a word. */
    static final class Idle extends IOException {
        Idle() {
            super("idle", null);
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }

    private final Socket socket;
    private final InputStream raw;
    private final byte[] buffer = new byte[8192];
    private int position;
    private int limit;
    private long deadlineNanos;
    private boolean hasDeadline;
    private int expiredStatus;
    private String expiredMessage;

    SocketInput(Socket socket) throws IOException {
        this.socket = socket;
        this.raw = socket.getInputStream();
    }

    /** Reads from now on must finish by {@code nanos} (System.nanoTime), else fail with that status and text. */
    void deadline(long nanos, int status, String message) {
        this.deadlineNanos = nanos;
        this.hasDeadline = true;
        this.expiredStatus = status;
        this.expiredMessage = message;
    }

    /** Reads wait as long as the peer takes (an upgraded connection that the application paces). */
    void noDeadline() {
        this.hasDeadline = false;
    }

    /** Puts back the one byte just read (the first byte of a request, read to end the idle wait). */
    void unread(int b) {
        position--;
        buffer[position] = (byte) b;
    }

    boolean buffered() {
        return position < limit;
    }

    private boolean fill() throws IOException {
        if (hasDeadline) {
            long remainingMillis = (deadlineNanos - System.nanoTime()) / 1_000_000;
            if (remainingMillis <= 0) {
                throw expired();
            }
            socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, remainingMillis));
        } else {
            socket.setSoTimeout(0);
        }
        int n;
        try {
            n = raw.read(buffer, 0, buffer.length);
        } catch (SocketTimeoutException e) {
            throw expired();
        }
        if (n <= 0) {
            return false;
        }
        position = 0;
        limit = n;
        return true;
    }

    private IOException expired() {
        return expiredStatus == 0 ? new Idle() : new HttpProblem(expiredStatus, expiredMessage);
    }

    @Override
    public int read() throws IOException {
        if (position >= limit && !fill()) {
            return -1;
        }
        return buffer[position++] & 0xFF;
    }

    @Override
    public int read(byte[] into, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (position >= limit && !fill()) {
            return -1;
        }
        int n = Math.min(length, limit - position);
        System.arraycopy(buffer, position, into, offset, n);
        position += n;
        return n;
    }

    @Override
    public int available() {
        return limit - position;
    }

    /**
     * One line without its line end (CRLF, or a bare LF), as ISO-8859-1; {@code null} at the end of the stream
     * before any byte. Throws {@code problem} when the line would exceed {@code budget[0]} bytes, which it
     * decrements, so that one budget bounds the whole request head.
     */
    String readLine(int[] budget, int problemStatus, String problem) throws IOException {
        StringBuilder line = new StringBuilder(64);
        boolean any = false;
        while (true) {
            int b = read();
            if (b < 0) {
                if (!any) {
                    return null;
                }
                throw new HttpProblem(400, "the request ended in the middle of a line");
            }
            any = true;
            if (--budget[0] < 0) {
                throw new HttpProblem(problemStatus, problem);
            }
            if (b == '\n') {
                int end = line.length();
                if (end > 0 && line.charAt(end - 1) == '\r') {
                    line.setLength(end - 1);
                }
                return line.toString();
            }
            line.append((char) b);
        }
    }

    static String latin1(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }
}
