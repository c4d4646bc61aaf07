package dev.agentcore.client.mcp;

import dev.agentcore.client.http.RequestView;
import dev.agentcore.client.http.ResponseView;
import dev.agentcore.client.invoke.AuthMode;
import dev.agentcore.client.invoke.InvocationFailure;
import dev.agentcore.client.invoke.RetryListener;
import dev.agentcore.client.invoke.RetryPolicy;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.InetAddress;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * Records what the MCP SDK's transport sends and the first error response to a POST, body included, so an MCP
 * failure is diagnosed as fully as a plain invocation. The SDK builds its HttpClient from a builder; this one
 * hands it a delegating client that tees error bodies, and that sends a POST again when AgentCore answers 409
 * RetryableConflictException (the session was busy, so the message did not run), as {@code RetryingInvoker} does
 * for plain invocations.
 */
final class ExchangeRecorder {

    private static final String RETRYABLE_CONFLICT = "RetryableConflictException";

    private final AtomicReference<HttpRequest> lastRequest = new AtomicReference<>();
    private final AtomicReference<ErrorCapture> firstError = new AtomicReference<>();
    private final RetryPolicy policy;
    private final RetryListener listener;
    private final AuthMode mode;

    ExchangeRecorder(RetryPolicy policy, RetryListener listener, AuthMode mode) {
        this.policy = policy;
        this.listener = listener;
        this.mode = mode;
    }

    HttpClient.Builder clientBuilder(HttpClient.Builder delegate) {
        return new RecordingBuilder(delegate);
    }

    Optional<RequestView> lastRequest() {
        HttpRequest request = lastRequest.get();
        return request == null ? Optional.empty()
                : Optional.of(new RequestView(request.method(), request.uri(), request.headers().map()));
    }

    /** The first error response and the request that got it. */
    Optional<Exchange> firstError() {
        ErrorCapture capture = firstError.get();
        return capture == null ? Optional.empty() : Optional.of(capture.exchange());
    }

    void reset() {
        firstError.set(null);
    }

    /** @param attempts how many times the request was sent; more than 1 after busy-session retries */
    record Exchange(RequestView request, ResponseView response, int attempts) {
    }

    private static final class ErrorCapture {
        private final HttpRequest request;
        private final HttpResponse.ResponseInfo info;
        private final int attempts;
        private final ByteArrayOutputStream body = new ByteArrayOutputStream();

        ErrorCapture(HttpRequest request, HttpResponse.ResponseInfo info, int attempts) {
            this.request = request;
            this.info = info;
            this.attempts = attempts;
        }

        synchronized void append(ByteBuffer buffer) {
            if (body.size() <= ResponseView.MAX_BODY) {
                ByteBuffer copy = buffer.duplicate();
                byte[] bytes = new byte[copy.remaining()];
                copy.get(bytes);
                body.write(bytes, 0, bytes.length);
            }
        }

        synchronized Exchange exchange() {
            return new Exchange(new RequestView(request.method(), request.uri(), request.headers().map()),
                    new ResponseView(info.statusCode(), info.headers().map(), body.toString(StandardCharsets.UTF_8)), attempts);
        }
    }

    private <T> HttpResponse.BodyHandler<T> recording(HttpRequest request, HttpResponse.BodyHandler<T> handler,
                                                      int attempt) {
        lastRequest.set(request);
        return info -> {
            HttpResponse.BodySubscriber<T> subscriber = handler.apply(info);
            // Only JSON-RPC messages (POST) count; a 405 to the optional GET stream is how stateless servers say "no SSE".
            if (info.statusCode() < 400 || !"POST".equals(request.method())) {
                return subscriber;
            }
            ErrorCapture capture = new ErrorCapture(request, info, attempt);
            firstError.compareAndSet(null, capture);
            return new TeeSubscriber<>(subscriber, capture);
        };
    }

    /** A POST that may still be sent again: its 409 RetryableConflictException is read here, not by the SDK. */
    private boolean mayRetry(HttpRequest request, int attempt) {
        return "POST".equals(request.method()) && attempt < policy.maxAttempts();
    }

    private static boolean busy(HttpResponse.ResponseInfo info) {
        return info.statusCode() == 409 && info.headers().firstValue("x-amzn-ErrorType")
                .filter(type -> type.startsWith(RETRYABLE_CONFLICT)).isPresent();
    }

    /**
     * Hands a busy answer's body to {@code busy} (and the SDK nothing); any other answer goes to the SDK's handler
     * as usual.
     */
    private <T> HttpResponse.BodyHandler<T> probing(HttpRequest request, HttpResponse.BodyHandler<T> handler, int attempt,
                                                    AtomicReference<InvocationFailure> busy) {
        HttpResponse.BodyHandler<T> normal = recording(request, handler, attempt);
        return info -> {
            if (!busy(info)) {
                return normal.apply(info);
            }
            return HttpResponse.BodySubscribers.mapping(HttpResponse.BodySubscribers.ofString(StandardCharsets.UTF_8), body -> {
                busy.set(InvocationFailure.response(mode, new RequestView(request.method(), request.uri(),
                        request.headers().map()), new ResponseView(info.statusCode(), info.headers().map(), body)));
                return null;
            });
        };
    }

    private Duration announce(InvocationFailure failure, int attempt) {
        Duration wait = policy.delayAfter(attempt);
        listener.retrying(failure, attempt + 1, policy.maxAttempts(), wait);
        return wait;
    }

    private <T> HttpResponse<T> send(HttpClient delegate, HttpRequest request, HttpResponse.BodyHandler<T> handler)
            throws IOException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            if (!mayRetry(request, attempt)) {
                return delegate.send(request, recording(request, handler, attempt));
            }
            AtomicReference<InvocationFailure> busy = new AtomicReference<>();
            HttpResponse<T> response = delegate.send(request, probing(request, handler, attempt, busy));
            if (busy.get() == null) {
                return response;
            }
            policy.sleeper().sleep(announce(busy.get(), attempt));
        }
    }

    private <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpClient delegate, HttpRequest request,
                                                             HttpResponse.BodyHandler<T> handler, int attempt) {
        if (!mayRetry(request, attempt)) {
            return delegate.sendAsync(request, recording(request, handler, attempt));
        }
        AtomicReference<InvocationFailure> busy = new AtomicReference<>();
        return delegate.sendAsync(request, probing(request, handler, attempt, busy)).thenCompose(response -> {
            if (busy.get() == null) {
                return CompletableFuture.completedFuture(response);
            }
            Executor later = CompletableFuture.delayedExecutor(announce(busy.get(), attempt).toMillis(), TimeUnit.MILLISECONDS);
            return CompletableFuture.supplyAsync(() -> attempt + 1, later)
                    .thenCompose(next -> sendAsync(delegate, request, handler, next));
        });
    }

    private record TeeSubscriber<T>(HttpResponse.BodySubscriber<T> delegate, ErrorCapture capture)
            implements HttpResponse.BodySubscriber<T> {
        @Override
        public CompletionStage<T> getBody() {
            return delegate.getBody();
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            delegate.onSubscribe(subscription);
        }

        @Override
        public void onNext(List<ByteBuffer> item) {
            item.forEach(capture::append);
            delegate.onNext(item);
        }

        @Override
        public void onError(Throwable throwable) {
            delegate.onError(throwable);
        }

        @Override
        public void onComplete() {
            delegate.onComplete();
        }
    }

    private final class RecordingBuilder implements HttpClient.Builder {
        private final HttpClient.Builder delegate;

        RecordingBuilder(HttpClient.Builder delegate) {
            this.delegate = delegate;
        }

        @Override
        public HttpClient.Builder cookieHandler(CookieHandler cookieHandler) {
            delegate.cookieHandler(cookieHandler);
            return this;
        }

        @Override
        public HttpClient.Builder connectTimeout(Duration duration) {
            delegate.connectTimeout(duration);
            return this;
        }

        @Override
        public HttpClient.Builder sslContext(SSLContext sslContext) {
            delegate.sslContext(sslContext);
            return this;
        }

        @Override
        public HttpClient.Builder sslParameters(SSLParameters sslParameters) {
            delegate.sslParameters(sslParameters);
            return this;
        }

        @Override
        public HttpClient.Builder executor(Executor executor) {
            delegate.executor(executor);
            return this;
        }

        @Override
        public HttpClient.Builder followRedirects(HttpClient.Redirect policy) {
            delegate.followRedirects(policy);
            return this;
        }

        @Override
        public HttpClient.Builder version(HttpClient.Version version) {
            delegate.version(version);
            return this;
        }

        @Override
        public HttpClient.Builder priority(int priority) {
            delegate.priority(priority);
            return this;
        }

        @Override
        public HttpClient.Builder proxy(ProxySelector proxySelector) {
            delegate.proxy(proxySelector);
            return this;
        }

        @Override
        public HttpClient.Builder authenticator(Authenticator authenticator) {
            delegate.authenticator(authenticator);
            return this;
        }

        @Override
        public HttpClient.Builder localAddress(InetAddress localAddr) {
            delegate.localAddress(localAddr);
            return this;
        }

        @Override
        public HttpClient build() {
            return new RecordingClient(delegate.build());
        }
    }

    private final class RecordingClient extends HttpClient {
        private final HttpClient delegate;

        RecordingClient(HttpClient delegate) {
            this.delegate = delegate;
        }

        @Override
        public Optional<CookieHandler> cookieHandler() {
            return delegate.cookieHandler();
        }

        @Override
        public Optional<Duration> connectTimeout() {
            return delegate.connectTimeout();
        }

        @Override
        public Redirect followRedirects() {
            return delegate.followRedirects();
        }

        @Override
        public Optional<ProxySelector> proxy() {
            return delegate.proxy();
        }

        @Override
        public SSLContext sslContext() {
            return delegate.sslContext();
        }

        @Override
        public SSLParameters sslParameters() {
            return delegate.sslParameters();
        }

        @Override
        public Optional<Authenticator> authenticator() {
            return delegate.authenticator();
        }

        @Override
        public Version version() {
            return delegate.version();
        }

        @Override
        public Optional<Executor> executor() {
            return delegate.executor();
        }

        @Override
        public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
                throws IOException, InterruptedException {
            return ExchangeRecorder.this.send(delegate, request, handler);
        }

        @Override
        public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
            return ExchangeRecorder.this.sendAsync(delegate, request, handler, 1);
        }

        @Override
        public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler,
                                                                HttpResponse.PushPromiseHandler<T> push) {
            // Push promises are HTTP/2; the transport speaks HTTP/1.1, so this path is not retried.
            return delegate.sendAsync(request, recording(request, handler, 1), push);
        }

        @Override
        public void shutdown() {
            delegate.shutdown();
        }

        @Override
        public void shutdownNow() {
            delegate.shutdownNow();
        }

        @Override
        public boolean awaitTermination(Duration duration) throws InterruptedException {
            return delegate.awaitTermination(duration);
        }

        @Override
        public boolean isTerminated() {
            return delegate.isTerminated();
        }

        @Override
        public void close() {
            delegate.close();
        }
    }
}
