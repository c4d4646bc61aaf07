package dev.agentcore.http;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small HTTP/1.1 server: one virtual thread per connection on blocking sockets, keep-alive, chunked bodies both
 * ways, {@code Expect: 100-continue}, and a {@linkplain Exchange#upgrade protocol switch} for WebSocket. Every
 * request is bounded by {@link HttpLimits}; what it refuses itself it answers in JSON through an {@link ErrorBody}.
 *
 * <p>Why not the JDK's {@code com.sun.net.httpserver}: it cannot hand a connection over after {@code 101} (so no
 * {@code /ws}), answers malformed requests with HTML, and bounds request time only through JVM-wide system
 * properties. This server starts as fast (it loads fewer classes) and keeps those decisions in one place.
 *
 * <p>Request smuggling is refused, not resolved: a request with both Content-Length and Transfer-Encoding, with
 * conflicting Content-Lengths, with a transfer coding other than {@code chunked}, or with folded header lines is
 * a {@code 400} (or {@code 501}) and the connection is closed.
 */
public final class LeanHttpServer implements AutoCloseable {

    private static final System.Logger log = System.getLogger(LeanHttpServer.class.getName());
    // How much of a body the handler left unread is read and dropped to keep the connection; beyond it, close.
    private static final long DRAIN_LIMIT = 64 * 1024;

    /** Serves one exchange; it may throw, and the server answers 500 if it had not answered yet. */
    @FunctionalInterface
    public interface Handler {
        void handle(Exchange exchange) throws Exception;
    }

    private final ServerSocket serverSocket;
    private final Handler handler;
    private final HttpLimits limits;
    private final ErrorBody errors;
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
    private final AtomicInteger busy = new AtomicInteger();
    // Counted here, not by Thread.ofVirtual().name("http-", 1): the JDK counts with a VarHandle, whose first use
    // generates method-handle bytecode, a few milliseconds on the first connection of a cold start.
    private long connectionsAccepted; // only the acceptor thread touches it
    private final Thread acceptor;
    private volatile boolean closing;

    private LeanHttpServer(Builder builder) throws IOException {
        this.handler = Objects.requireNonNull(builder.handler, "handler");
        this.limits = builder.limits;
        this.errors = builder.errors;
        this.serverSocket = new ServerSocket();
        serverSocket.setReuseAddress(true);
        serverSocket.bind(new InetSocketAddress(builder.address, builder.port), builder.backlog);
        this.acceptor = Thread.ofPlatform().name(builder.name + "-acceptor").unstarted(this::acceptLoop);
        acceptor.start();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The port the server listens on (the one it chose when asked for port 0). */
    public int port() {
        return serverSocket.getLocalPort();
    }

    public InetAddress address() {
        return serverSocket.getInetAddress();
    }

    /** Waits until the server is closed. */
    public void awaitClosed() throws InterruptedException {
        acceptor.join();
    }

    /** Stops accepting, lets exchanges in progress finish for up to {@code grace}, then closes every connection. */
    public void close(Duration grace) {
        closing = true;
        try {
            serverSocket.close();
        } catch (IOException ignored) {
            // already closed
        }
        long deadline = System.nanoTime() + grace.toNanos();
        while (busy.get() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        for (Socket socket : connections) {
            closeQuietly(socket);
        }
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(5));
    }

    private void acceptLoop() {
        while (!closing) {
            Socket socket;
            try {
                socket = serverSocket.accept();
            } catch (IOException e) {
                if (!closing) {
                    log.log(System.Logger.Level.WARNING, "accept failed: " + e.getMessage());
                }
                continue;
            }
            connections.add(socket);
            Thread.ofVirtual().name("http-" + ++connectionsAccepted).start(() -> serve(socket));
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            socket.setTcpNoDelay(true);
            SocketInput in = new SocketInput(socket);
            OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 8192);
            InetSocketAddress remote = (InetSocketAddress) socket.getRemoteSocketAddress();
            while (!closing) {
                if (!in.buffered()) {
                    in.deadline(System.nanoTime() + limits.idleTimeout().toNanos(), 0, null);
                    int first = in.read();
                    if (first < 0) {
                        return;
                    }
                    in.unread(first);
                }
                if (!exchange(in, out, remote)) {
                    lingeringClose(socket);
                    return;
                }
            }
        } catch (SocketInput.Idle | SocketException idleOrGone) {
            // Closed by the peer, or idle past the keep-alive limit.
        } catch (IOException e) {
            log.log(System.Logger.Level.DEBUG, "connection ended: " + e.getMessage());
        } finally {
            connections.remove(socket);
        }
    }

    /** One request and its response; whether the connection may carry another. */
    private boolean exchange(SocketInput in, OutputStream out, InetSocketAddress remote) throws IOException {
        in.deadline(System.nanoTime() + limits.headTimeout().toNanos(), 408, "the request head did not arrive in time");
        Exchange exchange;
        try {
            exchange = parse(in, out, remote);
        } catch (HttpProblem problem) {
            refuse(out, problem.status(), problem.getMessage());
            return false;
        }
        if (exchange == null) {
            return false;
        }
        busy.incrementAndGet();
        try {
            try {
                handler.handle(exchange);
            } catch (HttpProblem problem) {
                exchange.closeAfter();
                if (!exchange.responded()) {
                    exchange.respond(problem.status(), "application/json", errors.json(problem.status(), problem.getMessage()));
                }
                return false;
            } catch (Exception | Error e) {
                if (isClientGone(e)) {
                    return false;
                }
                log.log(System.Logger.Level.ERROR, "request " + exchange.method() + " " + exchange.path()
                        + " failed: " + oneLine(e));
                exchange.closeAfter();
                if (!exchange.responded()) {
                    exchange.respond(500, "application/json", errors.json(500, "the request could not be served"));
                }
                return false;
            }
            if (exchange.upgraded()) {
                return false;
            }
            if (!exchange.responded()) {
                log.log(System.Logger.Level.ERROR, "request " + exchange.method() + " " + exchange.path()
                        + " was not answered by its handler");
                exchange.closeAfter();
                exchange.respond(500, "application/json", errors.json(500, "the request could not be served"));
                return false;
            }
            exchange.finish();
            return !exchange.closeAfterwards() && drained(exchange.requestBody());
        } finally {
            busy.decrementAndGet();
        }
    }

    /** Reads what the handler left of the body, up to a limit, so that the next request starts where it should. */
    private static boolean drained(RequestBody body) {
        if (body.finished()) {
            return true;
        }
        byte[] sink = new byte[8192];
        long dropped = 0;
        try {
            for (int n; (n = body.read(sink, 0, sink.length)) >= 0; ) {
                dropped += n;
                if (dropped > DRAIN_LIMIT) {
                    return false;
                }
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private Exchange parse(SocketInput in, OutputStream out, InetSocketAddress remote) throws IOException {
        int[] budget = {limits.maxHeadBytes()};
        String requestLine;
        do {
            // RFC 9112 2.2: empty lines before a request line are ignored.
            requestLine = in.readLine(budget, 431, "the request head exceeds " + limits.maxHeadBytes() + " bytes");
            if (requestLine == null) {
                return null;
            }
        } while (requestLine.isEmpty());
        String[] parts = requestLine.split(" ", -1);
        if (parts.length != 3 || !isToken(parts[0]) || parts[1].isEmpty()) {
            throw new HttpProblem(400, "malformed request line");
        }
        String version = parts[2];
        if (!version.equals("HTTP/1.1") && !version.equals("HTTP/1.0")) {
            throw new HttpProblem(version.startsWith("HTTP/") ? 505 : 400, "unsupported protocol version");
        }
        boolean http11 = version.equals("HTTP/1.1");
        String target = parts[1];
        if (target.startsWith("http://") || target.startsWith("https://")) {
            int slash = target.indexOf('/', target.indexOf("//") + 2);
            target = slash < 0 ? "/" : target.substring(slash);
        }
        if (!target.startsWith("/") && !(target.equals("*") && parts[0].equals("OPTIONS"))) {
            throw new HttpProblem(400, "malformed request target");
        }
        for (int i = 0; i < target.length(); i++) {
            char c = target.charAt(i);
            if (c <= 0x20 || c >= 0x7F) {
                throw new HttpProblem(400, "malformed request target");
            }
        }
        Headers headers = new Headers();
        String line;
        while (!(line = in.readLine(budget, 431, "the request head exceeds " + limits.maxHeadBytes() + " bytes"))
                .isEmpty()) {
            if (line.charAt(0) == ' ' || line.charAt(0) == '\t') {
                throw new HttpProblem(400, "folded header lines are not accepted");
            }
            int colon = line.indexOf(':');
            if (colon <= 0 || !isToken(line.substring(0, colon))) {
                throw new HttpProblem(400, "malformed header line");
            }
            String value = line.substring(colon + 1).strip();
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c < 0x20 && c != '\t' || c == 0x7F) {
                    throw new HttpProblem(400, "a header value holds a control character");
                }
            }
            headers.add(line.substring(0, colon), value);
        }
        if (http11 && headers.values("Host").size() != 1) {
            throw new HttpProblem(400, "an HTTP/1.1 request needs exactly one Host header");
        }
        boolean chunked = false;
        long length = -1;
        var transferEncodings = headers.values("Transfer-Encoding");
        var contentLengths = headers.values("Content-Length");
        if (!transferEncodings.isEmpty()) {
            if (!contentLengths.isEmpty()) {
                throw new HttpProblem(400, "a request may not carry both Content-Length and Transfer-Encoding");
            }
            if (transferEncodings.size() != 1 || !transferEncodings.get(0).toLowerCase(Locale.ROOT).equals("chunked")) {
                throw new HttpProblem(501, "the only transfer coding accepted is chunked");
            }
            chunked = true;
        } else if (!contentLengths.isEmpty()) {
            for (String value : contentLengths) {
                for (String item : value.split(",", -1)) {
                    String digits = item.strip();
                    if (digits.isEmpty() || digits.length() > 18 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
                        throw new HttpProblem(400, "Content-Length is not a number");
                    }
                    long parsed = Long.parseLong(digits);
                    if (length >= 0 && parsed != length) {
                        throw new HttpProblem(400, "conflicting Content-Length values");
                    }
                    length = parsed;
                }
            }
        }
        boolean close = http11 ? headers.hasToken("Connection", "close") : !headers.hasToken("Connection", "keep-alive");
        return new Exchange(parts[0], target, headers, http11, remote, in, out, limits, chunked, length, close);
    }

    private void refuse(OutputStream out, int status, String message) {
        byte[] body = errors.json(status, message);
        String head = "HTTP/1.1 " + status + " " + ReasonPhrases.of(status) + "\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n";
        try {
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
        } catch (IOException ignored) {
            // The client is gone; nobody is left to tell.
        }
    }

    private static boolean isToken(String text) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean ok = c > 0x20 && c < 0x7F && "\"(),/:;<=>?@[\\]{}".indexOf(c) < 0;
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static boolean isClientGone(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SocketException || t instanceof SocketInput.Idle) {
                return true;
            }
        }
        return false;
    }

    /** An exception in one line: its type, message and the frame that threw it (never a whole stack trace). */
    public static String oneLine(Throwable e) {
        StackTraceElement[] frames = e.getStackTrace();
        String where = frames.length == 0 ? "" : " at " + frames[0].getClassName() + "." + frames[0].getMethodName()
                + ":" + frames[0].getLineNumber();
        return e.getClass().getSimpleName() + ": " + e.getMessage() + where;
    }

    /** How long, and how much, a connection closed mid-request is still read so its answer is not lost. */
    private static final int LINGER_MILLIS = 2000;
    private static final long LINGER_BYTES = 4L << 20;

    /**
     * Closing a socket whose peer is still sending (a body refused with 413 before it was read) makes TCP reset the
     * connection, and the peer may lose the answer already written. So the output is shut first, then what still
     * arrives is read and dropped, for a bounded time and amount, before the close: HTTP's "lingering close".
     */
    private static void lingeringClose(Socket socket) {
        try {
            socket.getOutputStream().flush();
            socket.shutdownOutput();
            socket.setSoTimeout(LINGER_MILLIS);
            long deadline = System.nanoTime() + LINGER_MILLIS * 1_000_000L;
            byte[] sink = new byte[8192];
            long dropped = 0;
            var input = socket.getInputStream();
            for (int n; dropped < LINGER_BYTES && System.nanoTime() < deadline && (n = input.read(sink)) >= 0; ) {
                dropped += n;
            }
        } catch (IOException gone) {
            // the peer closed or reset: nothing left to protect
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    /** Settings; only the handler is required. */
    public static final class Builder {
        private InetAddress address = InetAddress.getLoopbackAddress();
        private int port;
        private int backlog = 1024;
        private HttpLimits limits = HttpLimits.DEFAULTS;
        private ErrorBody errors = ErrorBody.DEFAULT;
        private Handler handler;
        private String name = "http";

        private Builder() {
        }

        /** The address to bind; loopback unless given. */
        public Builder address(InetAddress address) {
            this.address = Objects.requireNonNull(address, "address");
            return this;
        }

        /** The port; 0 (the default) lets the system choose a free one. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0..65535, was " + port);
            }
            this.port = port;
            return this;
        }

        public Builder limits(HttpLimits limits) {
            this.limits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        public Builder errorBody(ErrorBody errors) {
            this.errors = Objects.requireNonNull(errors, "errors");
            return this;
        }

        public Builder handler(Handler handler) {
            this.handler = handler;
            return this;
        }

        /** A name for the acceptor thread. */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /** Binds and starts accepting. */
        public LeanHttpServer start() throws IOException {
            return new LeanHttpServer(this);
        }
    }
}
