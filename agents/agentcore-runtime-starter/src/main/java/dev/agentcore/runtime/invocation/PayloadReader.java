package dev.agentcore.runtime.invocation;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Decodes the {@code /invocations} body into JSON as the reference does: bounded in size, in the encoding
 * {@code json.loads} detects, with the reference's error names. Bodies are read and parsed within a
 * {@link BodyBudget} shared by all requests, and a UTF-8 body (nearly all) is parsed from its bytes, with no
 * decoded copy beside them.
 */
final class PayloadReader {

    /** How long a request waits for the budget before it is answered 503. */
    static final Duration BUDGET_WAIT = Duration.ofSeconds(30);

    /** Bodies from this size on are parsed off the request's virtual thread (see {@link #parseOffCarrier}). */
    static final int OFFLOAD_BYTES = 1 << 20;

    /** Daemon platform threads, one per core, shared by every reader in the process. */
    private static final ExecutorService PARSERS = Executors.newFixedThreadPool(
            Runtime.getRuntime().availableProcessors(),
            Thread.ofPlatform().name("agentcore-payload-parser-", 0).daemon(true).factory());

    private final ObjectMapper mapper;
    private final long maxRequestBytes;
    private final BodyBudget budget;

    PayloadReader(ObjectMapper mapper, long maxRequestBytes, long maxBytesInFlight) {
        this.mapper = mapper;
        this.maxRequestBytes = maxRequestBytes;
        this.budget = new BodyBudget(maxBytesInFlight);
    }

    JsonNode read(HttpServletRequest req) throws IOException, RejectedPayload {
        long declared = req.getContentLengthLong();
        if (declared > maxRequestBytes) {
            throw RejectedPayload.tooLarge(declared, maxRequestBytes);
        }
        // Without a Content-Length the body may be as large as the limit.
        long reserved = declared >= 0 ? declared : maxRequestBytes;
        try {
            if (!budget.reserve(reserved, BUDGET_WAIT)) {
                throw RejectedPayload.busy(budget.capacity());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw RejectedPayload.busy(budget.capacity());
        }
        try {
            byte[] body = readBody(req, declared);
            return body.length < OFFLOAD_BYTES ? parse(body) : parseOffCarrier(body);
        } finally {
            budget.release(reserved);
        }
    }

    /**
     * Parses a large body on a platform thread while the request's virtual thread waits unmounted. Why: a virtual
     * thread that computes does not yield its carrier, and there are as many carriers as cores; ten large bodies
     * parsing on them kept {@code /ping}'s virtual thread from running for seconds. The operating system shares the
     * cores between the parser threads and the carriers instead.
     */
    private JsonNode parseOffCarrier(byte[] body) throws RejectedPayload {
        Future<JsonNode> parsed = PARSERS.submit(() -> parse(body));
        try {
            return parsed.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RejectedPayload rejected) {
                throw rejected;
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            parsed.cancel(true);
            Thread.currentThread().interrupt();
            throw new RejectedPayload(503, "Server busy", "the request was interrupted while its body was parsed");
        }
    }

    private byte[] readBody(HttpServletRequest req, long declared) throws IOException, RejectedPayload {
        try (InputStream in = req.getInputStream()) {
            if (declared >= 0) {
                // Read into an array of the declared size: no growing copies of a large body.
                byte[] body = new byte[(int) declared];
                int read = in.readNBytes(body, 0, body.length);
                return read == body.length ? body : Arrays.copyOf(body, read);
            }
            // One byte past the limit tells an over-long body without a Content-Length from one at the limit.
            byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxRequestBytes + 1));
            if (body.length > maxRequestBytes) {
                throw RejectedPayload.tooLarge(body.length, maxRequestBytes);
            }
            return body;
        }
    }

    /** Decodes and parses a whole body. */
    JsonNode parse(byte[] body) throws RejectedPayload {
        Charset charset = detectEncoding(body);
        // A UTF-8 byte order mark is skipped, as Python's utf-8-sig codec does.
        int start = charset == StandardCharsets.UTF_8 && startsWith(body, 0xEF, 0xBB, 0xBF) ? 3 : 0;
        String text = null;
        try {
            CharsetDecoder decoder = charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            if (charset == StandardCharsets.UTF_8) {
                checkDecodes(decoder, ByteBuffer.wrap(body, start, body.length - start));
            } else {
                text = decoder.decode(ByteBuffer.wrap(body, start, body.length - start)).toString();
            }
        } catch (CharacterCodingException e) {
            throw new RejectedPayload(400, "Invalid encoding",
                    "the body is not valid " + charset.name() + ": " + e.getMessage());
        }
        try {
            JsonNode node = text != null ? mapper.readTree(text) : mapper.readTree(body, start, body.length - start);
            if (node == null || node.isMissingNode()) {
                throw new RejectedPayload(400, "Invalid JSON", "Expecting value: the body is empty");
            }
            return node;
        } catch (JacksonException e) {
            // Jackson's own text may quote a redacted source; the position follows, in the reference's terms.
            String message = e.getOriginalMessage().replaceAll("\\s*\\(start marker at \\[Source:[^\\]]*]\\)", "");
            throw new RejectedPayload(400, "Invalid JSON", message + " at " + location(e));
        }
    }

    /** Decodes into a small buffer over and over: checks the whole input without keeping what it decoded. */
    private static void checkDecodes(CharsetDecoder decoder, ByteBuffer in) throws CharacterCodingException {
        CharBuffer out = CharBuffer.allocate(8192);
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            if (result.isError()) {
                result.throwException();
            }
            if (result.isUnderflow()) {
                break;
            }
            out.clear();
        }
        CoderResult flushed = decoder.flush(out);
        if (flushed.isError()) {
            flushed.throwException();
        }
    }

    /**
     * The encoding {@code json.loads} reads a byte body in ({@code json.detect_encoding}), as the reference
     * parses {@code /invocations}: a UTF-32, UTF-16 or UTF-8 byte order mark, else the pattern of zero
     * bytes at the start, else UTF-8.
     */
    static Charset detectEncoding(byte[] b) {
        if (startsWith(b, 0x00, 0x00, 0xFE, 0xFF) || startsWith(b, 0xFF, 0xFE, 0x00, 0x00)) {
            return Charset.forName("UTF-32");
        }
        if (startsWith(b, 0xFE, 0xFF) || startsWith(b, 0xFF, 0xFE)) {
            return StandardCharsets.UTF_16;
        }
        if (b.length >= 4) {
            if (b[0] == 0) {
                return b[1] != 0 ? StandardCharsets.UTF_16BE : Charset.forName("UTF-32BE");
            }
            if (b[1] == 0) {
                return b[2] != 0 || b[3] != 0 ? StandardCharsets.UTF_16LE : Charset.forName("UTF-32LE");
            }
        } else if (b.length == 2) {
            if (b[0] == 0) {
                return StandardCharsets.UTF_16BE;
            }
            if (b[1] == 0) {
                return StandardCharsets.UTF_16LE;
            }
        }
        return StandardCharsets.UTF_8;
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static String location(JacksonException e) {
        var loc = e.getLocation();
        if (loc == null) {
            return "unknown position";
        }
        // A body parsed from its bytes has byte offsets only.
        String offset = loc.getCharOffset() >= 0 ? "char " + loc.getCharOffset() : "byte " + loc.getByteOffset();
        return "line " + loc.getLineNr() + " column " + loc.getColumnNr() + " (" + offset + ")";
    }
}
