package dev.agentcore.http;

import java.io.IOException;
import java.io.InputStream;

/**
 * A request body as the handler reads it: framed by Content-Length or chunked transfer coding, never more than the
 * body limit, and within the body deadline that starts at the first read.
 */
final class RequestBody extends InputStream {

    private static final int MAX_CHUNK_LINE = 1024;

    private final SocketInput in;
    private final boolean chunked;
    private final long maxBytes;
    private final long timeoutNanos;
    private final Runnable beforeFirstRead;
    private long remainingInChunk; // for a fixed length: the rest of the body
    private long total;
    private boolean started;
    private boolean finished;

    private RequestBody(SocketInput in, boolean chunked, long length, long maxBytes, long timeoutNanos,
            Runnable beforeFirstRead) {
        this.in = in;
        this.chunked = chunked;
        this.remainingInChunk = chunked ? 0 : length;
        this.finished = !chunked && length == 0;
        this.maxBytes = maxBytes;
        this.timeoutNanos = timeoutNanos;
        this.beforeFirstRead = beforeFirstRead;
    }

    static RequestBody fixed(SocketInput in, long length, long maxBytes, long timeoutNanos, Runnable beforeFirstRead) {
        return new RequestBody(in, false, length, maxBytes, timeoutNanos, beforeFirstRead);
    }

    static RequestBody chunked(SocketInput in, long maxBytes, long timeoutNanos, Runnable beforeFirstRead) {
        return new RequestBody(in, true, 0, maxBytes, timeoutNanos, beforeFirstRead);
    }

    boolean finished() {
        return finished;
    }

    private void start() {
        if (!started) {
            started = true;
            beforeFirstRead.run();
            in.deadline(System.nanoTime() + timeoutNanos, 408, "the request body did not arrive in time");
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] into, int offset, int length) throws IOException {
        if (finished) {
            return -1;
        }
        if (length == 0) {
            return 0;
        }
        start();
        if (remainingInChunk == 0) {
            if (!chunked || !nextChunk()) {
                finished = true;
                return -1;
            }
        }
        int n = in.read(into, offset, (int) Math.min(length, remainingInChunk));
        if (n < 0) {
            throw new HttpProblem(400, "the request body ended early");
        }
        remainingInChunk -= n;
        total += n;
        if (!chunked && remainingInChunk == 0) {
            finished = true;
        }
        if (chunked && remainingInChunk == 0) {
            expectLineEnd();
        }
        return n;
    }

    private boolean nextChunk() throws IOException {
        int[] budget = {MAX_CHUNK_LINE};
        String line = in.readLine(budget, 400, "a chunk size line is too long");
        if (line == null) {
            throw new HttpProblem(400, "the request body ended early");
        }
        int extension = line.indexOf(';');
        String hex = (extension >= 0 ? line.substring(0, extension) : line).trim();
        if (hex.isEmpty() || hex.length() > 15 || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new HttpProblem(400, "a chunk size is not a hexadecimal number");
        }
        long size = Long.parseLong(hex, 16);
        if (size == 0) {
            // Trailer fields are read and dropped, bounded like a head.
            int[] trailerBudget = {MAX_CHUNK_LINE * 8};
            String trailer;
            while ((trailer = in.readLine(trailerBudget, 431, "the trailer fields are too large")) != null
                    && !trailer.isEmpty()) {
                // dropped
            }
            return false;
        }
        if (total + size > maxBytes) {
            throw tooLarge(maxBytes);
        }
        remainingInChunk = size;
        return true;
    }

    private void expectLineEnd() throws IOException {
        int[] budget = {2};
        String end = in.readLine(budget, 400, "a chunk is longer than its size");
        if (end == null || !end.isEmpty()) {
            throw new HttpProblem(400, "a chunk is longer than its size");
        }
    }

    static HttpProblem tooLarge(long maxBytes) {
        return new HttpProblem(413, "the request body exceeds " + maxBytes + " bytes");
    }
}
