package dev.agentcore.runtime.core;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

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

    static JsonNode parse(JsonMapper mapper, byte[] body) throws Rejected {
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
            throw new Rejected(400, "Invalid encoding", "the body is not valid " + charset.name());
        }
        try {
            JsonNode node = mapper.readTree(text);
            if (node == null || node.isMissingNode()) {
                throw new Rejected(400, "Invalid JSON", "Expecting value: the body is empty");
            }
            return node;
        } catch (JacksonException e) {
            var loc = e.getLocation();
            String where = loc == null ? "unknown position"
                    : "line " + loc.getLineNr() + " column " + loc.getColumnNr() + " (char " + loc.getCharOffset() + ")";
            // Only the first line of Jackson's text: the rest quotes the source.
            String message = e.getOriginalMessage().lines().findFirst().orElse("not JSON")
                    .replaceAll("\\s*\\(start marker at \\[Source:.*$", "");
            throw new Rejected(400, "Invalid JSON", clip(message, 200) + " at " + where);
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
