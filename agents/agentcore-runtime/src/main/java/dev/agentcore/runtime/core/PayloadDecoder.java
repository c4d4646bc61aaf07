package dev.agentcore.runtime.core;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Decodes an {@code /invocations} body into JSON as the reference does: in the encoding {@code json.loads} detects. */
final class PayloadDecoder {

    /** A body refused before the entry point runs: the answer's status, {@code error} and {@code details}. */
    static final class Rejected extends Exception {
        final int status;
        final String error;
        final String details;

        Rejected(int status, String error, String details) {
            super(error + ": " + details, null, false, false);
            this.status = status;
            this.error = error;
            this.details = details;
        }
    }

    private PayloadDecoder() {
    }

    /** Bodies from this size on are parsed off the request's virtual thread (see {@link #parseOffCarrier}). */
    static final int OFFLOAD_BYTES = 1 << 20;

    /** Daemon platform threads, one per core, shared by every app in the process; made on the first large body. */
    private static final class Parsers {
        static final ExecutorService POOL = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(),
                Thread.ofPlatform().name("agentcore-payload-parser-", 0).daemon(true).factory());
    }

    /** Decodes and parses a whole body; a large one on a parser thread. */
    static JsonNode decode(ObjectMapper mapper, byte[] body) throws Rejected {
        return body.length < OFFLOAD_BYTES ? parse(mapper, body) : parseOffCarrier(mapper, body);
    }

    /**
     * Parses a large body on a platform thread while the request's virtual thread waits unmounted. Why: a virtual
     * thread that computes does not yield its carrier, and there are as many carriers as cores; ten large bodies
     * parsing on them kept {@code /ping}'s virtual thread from running for seconds. The operating system shares the
     * cores between the parser threads and the carriers instead.
     */
    private static JsonNode parseOffCarrier(ObjectMapper mapper, byte[] body) throws Rejected {
        Future<JsonNode> parsed = Parsers.POOL.submit(() -> parse(mapper, body));
        try {
            return parsed.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Rejected rejected) {
                throw rejected;
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            parsed.cancel(true);
            Thread.currentThread().interrupt();
            throw new Rejected(503, "Server busy", "the request was interrupted while its body was parsed");
        }
    }

    /** A UTF-8 body (nearly all) is parsed from its bytes, with no decoded copy beside them. */
    static JsonNode parse(ObjectMapper mapper, byte[] body) throws Rejected {
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
            throw new Rejected(400, "Invalid encoding", "the body is not valid " + charset.name());
        }
        try {
            JsonNode node = text != null ? mapper.readTree(text) : mapper.readTree(body, start, body.length - start);
            if (node == null || node.isMissingNode()) {
                throw new Rejected(400, "Invalid JSON", "Expecting value: the body is empty");
            }
            return node;
        } catch (JacksonException e) {
            var loc = e.getLocation();
            // A body parsed from its bytes has byte offsets only.
            String where = loc == null ? "unknown position" : "line " + loc.getLineNr() + " column " + loc.getColumnNr()
                    + " (" + (loc.getCharOffset() >= 0 ? "char " + loc.getCharOffset() : "byte " + loc.getByteOffset()) + ")";
            // Only the first line of Jackson's text: the rest quotes the source.
            String message = e.getOriginalMessage().lines().findFirst().orElse("not JSON")
                    .replaceAll("\\s*\\(start marker at \\[Source:.*$", "");
            throw new Rejected(400, "Invalid JSON", clip(message, 200) + " at " + where);
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
     * The encoding {@code json.loads} reads a byte body in ({@code json.detect_encoding}): a UTF-32, UTF-16 or UTF-8
     * byte order mark, else the pattern of zero bytes at the start, else UTF-8.
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

    static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "...";
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
}
