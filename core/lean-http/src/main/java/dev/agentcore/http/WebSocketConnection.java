package dev.agentcore.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The server side of one WebSocket connection (RFC 6455) on an upgraded {@link Exchange}: blocking reads of whole
 * messages (fragments joined up to a size limit, pings answered, the close handshake done), sends from any thread.
 * Meant for the virtual thread that serves the exchange.
 */
public final class WebSocketConnection {

    /** A whole message. */
    public sealed interface Message permits Text, Binary {
    }

    public record Text(String text) implements Message {
    }

    public record Binary(byte[] bytes) implements Message {
    }

    public static final int NORMAL = 1000;
    public static final int PROTOCOL_ERROR = 1002;
    public static final int INVALID_DATA = 1007;
    public static final int TOO_BIG = 1009;
    public static final int SERVER_ERROR = 1011;

    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    private final InputStream in;
    private final OutputStream out;
    private final long maxMessageBytes;
    private volatile boolean closeSent;
    private volatile boolean closeReceived;

    private WebSocketConnection(Exchange.Upgraded upgraded, long maxMessageBytes) {
        this.in = upgraded.in();
        this.out = upgraded.out();
        this.maxMessageBytes = maxMessageBytes;
    }

    /** Whether the request asks for a WebSocket: GET with {@code Upgrade: websocket} and a key, version 13. */
    public static boolean isUpgradeRequest(Exchange exchange) {
        return exchange.method().equals("GET") && exchange.headers().hasToken("Upgrade", "websocket")
                && exchange.headers().hasToken("Connection", "upgrade")
                && exchange.headers().get("Sec-WebSocket-Key") != null;
    }

    /** Completes the handshake with {@code 101} and returns the open connection. */
    public static WebSocketConnection accept(Exchange exchange, long maxMessageBytes) throws IOException {
        if (!"13".equals(exchange.headers().get("Sec-WebSocket-Version"))) {
            exchange.header("Sec-WebSocket-Version", "13");
            throw new HttpProblem(426, "only WebSocket version 13 is supported");
        }
        String key = exchange.headers().get("Sec-WebSocket-Key");
        return new WebSocketConnection(exchange.upgrade("Upgrade", "websocket", "Connection", "Upgrade",
                "Sec-WebSocket-Accept", acceptKey(key)), maxMessageBytes);
    }

    static String acceptKey(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest((key + GUID).getBytes(StandardCharsets.ISO_8859_1));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every JDK", e);
        }
    }

    /**
     * The next whole message; {@code null} once the connection is closed (by the peer, or by this side after a
     * protocol error, an invalid text or a message over the limit, each with its close code).
     */
    public Message receive() throws IOException {
        ByteArrayOutputStream partial = null;
        int partialOpcode = 0;
        while (!closeReceived) {
            int b0 = in.read();
            int b1 = in.read();
            if (b0 < 0 || b1 < 0) {
                closeReceived = true;
                return null;
            }
            boolean fin = (b0 & 0x80) != 0;
            int opcode = b0 & 0x0F;
            if ((b0 & 0x70) != 0 || (b1 & 0x80) == 0) {
                return failWith(PROTOCOL_ERROR); // reserved bits, or an unmasked client frame
            }
            long length = b1 & 0x7F;
            if (length == 126) {
                length = (readByte() << 8) | readByte();
            } else if (length == 127) {
                length = 0;
                for (int i = 0; i < 8; i++) {
                    length = (length << 8) | readByte();
                }
                if (length < 0) {
                    return failWith(PROTOCOL_ERROR);
                }
            }
            boolean control = opcode >= 8;
            if (control && (length > 125 || !fin)) {
                return failWith(PROTOCOL_ERROR);
            }
            long soFar = partial == null ? 0 : partial.size();
            if (!control && soFar + length > maxMessageBytes) {
                return failWith(TOO_BIG);
            }
            byte[] mask = in.readNBytes(4);
            byte[] payload = in.readNBytes((int) length);
            if (mask.length < 4 || payload.length < length) {
                closeReceived = true;
                return null;
            }
            for (int i = 0; i < payload.length; i++) {
                payload[i] ^= mask[i & 3];
            }
            switch (opcode) {
                case 0x8 -> {
                    closeReceived = true;
                    int code = payload.length >= 2 ? ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF) : NORMAL;
                    sendClose(code, "");
                    return null;
                }
                case 0x9 -> sendFrame(0xA, payload);
                case 0xA -> {
                    // an unsolicited pong: nothing to do
                }
                case 0x1, 0x2 -> {
                    if (partial != null) {
                        return failWith(PROTOCOL_ERROR);
                    }
                    if (fin) {
                        return message(opcode, payload);
                    }
                    partial = new ByteArrayOutputStream();
                    partial.writeBytes(payload);
                    partialOpcode = opcode;
                }
                case 0x0 -> {
                    if (partial == null) {
                        return failWith(PROTOCOL_ERROR);
                    }
                    partial.writeBytes(payload);
                    if (fin) {
                        return message(partialOpcode, partial.toByteArray());
                    }
                }
                default -> {
                    return failWith(PROTOCOL_ERROR);
                }
            }
        }
        return null;
    }

    private Message message(int opcode, byte[] payload) throws IOException {
        if (opcode == 0x2) {
            return new Binary(payload);
        }
        try {
            return new Text(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(payload)).toString());
        } catch (CharacterCodingException e) {
            return failWith(INVALID_DATA);
        }
    }

    private Message failWith(int code) throws IOException {
        closeReceived = true;
        sendClose(code, "");
        return null;
    }

    private long readByte() throws IOException {
        int b = in.read();
        if (b < 0) {
            throw new IOException("the WebSocket connection ended in the middle of a frame");
        }
        return b;
    }

    public void sendText(String text) throws IOException {
        requireOpen();
        sendFrame(0x1, text.getBytes(StandardCharsets.UTF_8));
    }

    public void sendBinary(byte[] bytes) throws IOException {
        requireOpen();
        sendFrame(0x2, bytes);
    }

    /** Sends a close frame (once); the reason is cut to the 123 bytes a close frame holds. */
    public void close(int code, String reason) throws IOException {
        sendClose(code, reason == null ? "" : reason);
    }

    /** Whether neither side has closed yet. */
    public boolean isOpen() {
        return !closeSent && !closeReceived;
    }

    private void requireOpen() throws IOException {
        if (closeSent) {
            throw new IOException("the WebSocket connection is closed");
        }
    }

    private void sendClose(int code, String reason) throws IOException {
        synchronized (this) {
            if (closeSent) {
                return;
            }
            closeSent = true;
        }
        byte[] text = reason.getBytes(StandardCharsets.UTF_8);
        int length = Math.min(text.length, 123);
        byte[] payload = new byte[2 + length];
        payload[0] = (byte) (code >> 8);
        payload[1] = (byte) code;
        System.arraycopy(text, 0, payload, 2, length);
        try {
            sendFrame(0x8, payload);
        } catch (IOException ignored) {
            // The peer is gone; the close is moot.
        }
    }

    private synchronized void sendFrame(int opcode, byte[] payload) throws IOException {
        int length = payload.length;
        byte[] head;
        if (length < 126) {
            head = new byte[] {(byte) (0x80 | opcode), (byte) length};
        } else if (length < 65536) {
            head = new byte[] {(byte) (0x80 | opcode), 126, (byte) (length >> 8), (byte) length};
        } else {
            head = new byte[10];
            head[0] = (byte) (0x80 | opcode);
            head[1] = 127;
            for (int i = 0; i < 8; i++) {
                head[9 - i] = (byte) ((long) length >> (8 * i));
            }
        }
        out.write(head);
        out.write(payload);
        out.flush();
    }
}
