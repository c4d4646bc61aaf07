package dev.agentcore.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.List;

/**
 * A hostile or broken HTTP/1.1 server on loopback, written on raw sockets so that it can do what a well-behaved
 * server library will not: stall mid-body, close early, send endless lines, echo credentials.
 */
final class LoopbackServer implements AutoCloseable {

    /** One request as it arrived. */
    record Request(Map<String, String> headers, byte[] body) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    @FunctionalInterface
    interface Handler {
        void answer(Request request, OutputStream out) throws Exception;
    }

    private final ServerSocket server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    LoopbackServer(Handler handler) throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(() -> {
            while (!server.isClosed()) {
                try {
                    Socket socket = server.accept();
                    Thread.ofVirtual().start(() -> serve(socket, handler));
                } catch (IOException closed) {
                    return;
                }
            }
        });
    }

    private void serve(Socket socket, Handler handler) {
        try (socket) {
            InputStream in = socket.getInputStream();
            Map<String, String> headers = new LinkedHashMap<>();
            readLine(in); // request line
            for (String line; !(line = readLine(in)).isEmpty(); ) {
                int colon = line.indexOf(':');
                headers.put(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
            }
            int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
            Request request = new Request(headers, in.readNBytes(length));
            requests.add(request);
            handler.answer(request, socket.getOutputStream());
        } catch (Exception ignored) {
            // the client hung up: what several of these tests are about
        }
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b; (b = in.read()) != -1 && b != '\n'; ) {
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    String url() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    List<Request> requests() {
        return requests;
    }

    static void head(OutputStream out, int status, String contentType, String framing) throws IOException {
        out.write(("HTTP/1.1 " + status + " X\r\nContent-Type: " + contentType + "\r\n" + framing + "\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    static void complete(OutputStream out, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        head(out, status, contentType, "Content-Length: " + bytes.length + "\r\n");
        out.write(bytes);
        out.flush();
    }

    static void chunk(OutputStream out, String data) throws IOException {
        byte[] bytes = data.getBytes(StandardCharsets.UTF_8);
        out.write((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.write(bytes);
        out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
