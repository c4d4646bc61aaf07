package dev.agentcore.client.mcp;

import dev.agentcore.client.http.RequestView;
import dev.agentcore.client.http.ResponseView;
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
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * Records what the MCP SDK's transport sends and the first error response to a POST, body included, so an MCP
 * failure is diagnosed as fully as a plain invocation. The SDK builds its HttpClient from a builder; this one
 * hands it a delegating client that tees error bodies.
 */
final class ExchangeRecorder {

    private final AtomicReference<HttpRequest> lastRequest = new AtomicReference<>();
    private final AtomicReference<ErrorCapture> firstError = new AtomicReference<>();

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

    record Exchange(RequestView request, ResponseView response) {
    }

    private static final class ErrorCapture {
        private final HttpRequest request;
        private final HttpResponse.ResponseInfo info;
        private final ByteArrayOutputStream body = new ByteArrayOutputStream();

        ErrorCapture(HttpRequest request, HttpResponse.ResponseInfo info) {
            this.request = request;
            this.info = info;
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
                    new ResponseView(info.statusCode(), info.headers().map(), body.toString(StandardCharsets.UTF_8)));
        }
    }

    private <T> HttpResponse.BodyHandler<T> recording(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        lastRequest.set(request);
        return info -> {
            HttpResponse.BodySubscriber<T> subscriber = handler.apply(info);
            // Only JSON-RPC messages (POST) count; a 405 to the optional GET stream is how stateless servers say "no SSE".
            if (info.statusCode() < 400 || !"POST".equals(request.method())) {
                return subscriber;
            }
            ErrorCapture capture = new ErrorCapture(request, info);
            firstError.compareAndSet(null, capture);
            return new TeeSubscriber<>(subscriber, capture);
        };
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
            return delegate.send(request, recording(request, handler));
        }

        @Override
        public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
            return delegate.sendAsync(request, recording(request, handler));
        }

        @Override
        public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler,
                                                                HttpResponse.PushPromiseHandler<T> push) {
            return delegate.sendAsync(request, recording(request, handler), push);
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
