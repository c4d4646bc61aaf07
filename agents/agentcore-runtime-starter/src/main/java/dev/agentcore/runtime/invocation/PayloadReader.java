package dev.agentcore.runtime.invocation;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Decodes the {@code /invocations} body into JSON as the reference does: bounded in size, in the encoding
 * {@code json.loads} detects, with the reference's error names.
 */
final class PayloadReader {

    private final ObjectMapper mapper;
    private final long maxRequestBytes;

    PayloadReader(ObjectMapper mapper, long maxRequestBytes) {
        this.mapper = mapper;
        this.maxRequestBytes = maxRequestBytes;
    }

    JsonNode read(HttpServletRequest req) throws IOException, RejectedPayload {
        long declared = req.getContentLengthLong();
        if (declared > maxRequestBytes) {
            throw RejectedPayload.tooLarge(declared, maxRequestBytes);
        }
        byte[] body;
        try (InputStream in = req.getInputStream()) {
            // One byte past the limit tells an over-long body without a Content-Length from one at the limit.
            body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxRequestBytes + 1));
        }
        if (body.length > maxRequestBytes) {
            throw RejectedPayload.tooLarge(body.length, maxRequestBytes);
        }
        return parse(body);
    }

    /** Decodes and parses a whole body. */
    JsonNode parse(byte[] body) throws RejectedPayload {
        Charset charset = detectEncoding(body);
        // A UTF-8 byte order mark is skipped, as Python's utf-8-sig codec does.
        int start = charset == StandardCharsets.UTF_8 && startsWith(body, 0xEF, 0xBB, 0xBF) ? 3 : 0;
        String text;
        try {
            text = charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body, start, body.length - start))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new RejectedPayload(400, "Invalid encoding",
                    "the body is not valid " + charset.name() + ": " + e.getMessage());
        }
        try {
            JsonNode node = mapper.readTree(text);
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
        return loc == null ? "unknown position"
                : "line " + loc.getLineNr() + " column " + loc.getColumnNr() + " (char " + loc.getCharOffset() + ")";
    }
}
