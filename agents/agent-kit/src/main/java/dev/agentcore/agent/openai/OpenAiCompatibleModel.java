package dev.agentcore.agent.openai;

import dev.agentcore.agent.model.Model;
import dev.agentcore.agent.model.ModelEvent;
import dev.agentcore.agent.model.ModelException;
import dev.agentcore.agent.model.ModelRequest;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Any OpenAI-compatible {@code /v1/chat/completions} endpoint with {@code stream: true}: Ollama, vLLM,
 * LM Studio, llama.cpp's server, OpenAI itself. Tools are offered as {@code tools} functions and streamed
 * {@code tool_calls} are put back together. Plain {@code java.net.http}, no SDK.
 */
public final class OpenAiCompatibleModel implements Model {

    public static final Duration DEFAULT_RESPONSE_TIMEOUT = Duration.ofMinutes(5);

    private final HttpClient http;
    private final URI endpoint;
    private final String modelName;
    private final String apiKey;
    private final Integer maxTokens;
    private final Double temperature;
    private final Duration responseTimeout;

    private OpenAiCompatibleModel(Builder builder) {
        this.endpoint = chatCompletions(Objects.requireNonNull(builder.baseUrl, "baseUrl is required"));
        if (builder.modelName == null || builder.modelName.isBlank()) {
            throw new IllegalArgumentException("model is required: the name the server knows the model by, "
                    + "for example llama3.2 for Ollama");
        }
        this.modelName = builder.modelName.strip();
        this.apiKey = builder.apiKey == null || builder.apiKey.isBlank() ? null : builder.apiKey.strip();
        this.maxTokens = builder.maxTokens;
        this.temperature = builder.temperature;
        this.responseTimeout = builder.responseTimeout;
        this.http = builder.httpClient != null ? builder.httpClient
                : HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public Stream<ModelEvent> stream(ModelRequest request) {
        String body = ChatCompletionsRequests.of(modelName, request, maxTokens, temperature).toString();
        Call call = new Call(body);
        return StreamSupport.stream(call, false).onClose(call::cancel);
    }

    @Override
    public String description() {
        return "OpenAI-compatible chat completions at " + endpoint + ", model " + modelName;
    }

    /** The URL requests go to. */
    public URI endpoint() {
        return endpoint;
    }

    /**
     * The chat-completions URL for a base URL as OpenAI clients take it ({@code http://host:11434/v1});
     * a bare host gets {@code /v1}, a full {@code .../chat/completions} URL is kept.
     */
    static URI chatCompletions(URI baseUrl) {
        String url = baseUrl.toString().replaceAll("/+$", "");
        if (url.endsWith("/chat/completions")) {
            return URI.create(url);
        }
        String path = baseUrl.getPath();
        return URI.create(url + (path == null || path.isEmpty() || path.equals("/") ? "/v1" : "") + "/chat/completions");
    }

    /** One HTTP exchange, read as the consumer pulls events; sent on the first pull. */
    private final class Call extends Spliterators.AbstractSpliterator<ModelEvent> {
        private final String body;
        private volatile CompletableFuture<HttpResponse<InputStream>> response;
        private volatile InputStream input;
        private volatile boolean cancelled;
        private ChatCompletionsStream events;

        Call(String body) {
            super(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL);
            this.body = body;
        }

        @Override
        public boolean tryAdvance(Consumer<? super ModelEvent> action) {
            if (events == null) {
                events = open();
            }
            ModelEvent next;
            try {
                next = events.next();
            } catch (IOException e) {
                if (cancelled) {
                    throw new CancellationException("The model call was cancelled");
                }
                throw ModelException.builder()
                        .message("The stream from " + endpoint + " broke off: " + e.getMessage())
                        .modelId(modelName)
                        .cause(e)
                        .build();
            }
            if (next == null) {
                return false;
            }
            action.accept(next);
            return true;
        }

        private ChatCompletionsStream open() {
            HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                    .timeout(responseTimeout)
                    .header("Content-Type", "application/json")
                    .header("Accept", "text/event-stream")
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
            if (apiKey != null) {
                request.header("Authorization", "Bearer " + apiKey);
            }
            response = http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            HttpResponse<InputStream> answer = await(response);
            input = answer.body();
            if (cancelled) {
                closeInput();
                throw new CancellationException("The model call was cancelled");
            }
            if (answer.statusCode() != 200) {
                String error = readAll(input, 64 * 1024);
                throw OpenAiErrors.httpError(answer.statusCode(), error,
                        answer.headers().firstValue("x-request-id").orElse(null), endpoint.toString(), modelName);
            }
            String contentType = answer.headers().firstValue("Content-Type").orElse("");
            if (contentType.startsWith("application/json")) {
                return wholeCompletion(readAll(input, Integer.MAX_VALUE));
            }
            return new ChatCompletionsStream(new BufferedReader(new InputStreamReader(input, StandardCharsets.UTF_8)), modelName);
        }

        /** A server that ignored {@code stream: true} sends one completion; it becomes the same events. */
        private ChatCompletionsStream wholeCompletion(String json) {
            ChatCompletionsStream completion = new ChatCompletionsStream(new BufferedReader(new StringReader("")), modelName);
            try {
                completion.accept(JsonMapper.shared().readTree(json));
            } catch (JacksonException e) {
                throw ModelException.builder()
                        .message(endpoint + " answered with JSON that could not be read: " + e.getOriginalMessage())
                        .modelId(modelName)
                        .cause(e)
                        .build();
            }
            return completion;
        }

        private HttpResponse<InputStream> await(CompletableFuture<HttpResponse<InputStream>> pending) {
            try {
                return pending.get();
            } catch (InterruptedException e) {
                pending.cancel(true);
                Thread.currentThread().interrupt();
                throw new CancellationException("The model call was cancelled");
            } catch (CancellationException e) {
                throw e;
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cancelled) {
                    throw new CancellationException("The model call was cancelled");
                }
                String why = cause instanceof ConnectException ? "cannot connect (is the server running?)"
                        : cause instanceof HttpTimeoutException ? "no response within " + responseTimeout
                        : cause.getClass().getSimpleName() + ": " + cause.getMessage();
                throw ModelException.builder()
                        .message("OpenAI-compatible endpoint " + endpoint + " for model '" + modelName + "' failed: " + why)
                        .modelId(modelName)
                        .cause(cause)
                        .build();
            }
        }

        void cancel() {
            cancelled = true;
            CompletableFuture<HttpResponse<InputStream>> pending = response;
            if (pending != null) {
                pending.cancel(true);
            }
            closeInput();
        }

        private void closeInput() {
            InputStream body = input;
            if (body != null) {
                try {
                    body.close();
                } catch (IOException e) {
                    // closing to cancel; nothing to report
                }
            }
        }

        private String readAll(InputStream in, int limit) {
            try (in) {
                byte[] bytes = in.readNBytes(limit);
                return new String(bytes, StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "(body unreadable: " + e.getMessage() + ")";
            }
        }
    }

    public static final class Builder {
        private URI baseUrl;
        private String modelName;
        private String apiKey;
        private Integer maxTokens;
        private Double temperature;
        private Duration responseTimeout = DEFAULT_RESPONSE_TIMEOUT;
        private HttpClient httpClient;

        private Builder() {
        }

        /** For example {@code http://localhost:11434/v1} (Ollama) or {@code http://localhost:8000/v1} (vLLM). */
        public Builder baseUrl(String baseUrl) {
            if (baseUrl == null || baseUrl.isBlank()) {
                throw new IllegalArgumentException("baseUrl must not be empty");
            }
            URI uri = URI.create(baseUrl.strip());
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
                throw new IllegalArgumentException("'baseUrl' must be an http or https URL, was '" + baseUrl + "'");
            }
            this.baseUrl = uri;
            return this;
        }

        /** The model name the server knows, for example {@code llama3.2}. */
        public Builder model(String modelName) {
            this.modelName = modelName;
            return this;
        }

        /** Sent as {@code Authorization: Bearer ...}; none when empty (local servers need none). */
        public Builder apiKey(String apiKey) {
            this.apiKey = apiKey;
            return this;
        }

        public Builder maxTokens(Integer maxTokens) {
            if (maxTokens != null && maxTokens < 1) {
                throw new IllegalArgumentException("'maxTokens' must be at least 1, was " + maxTokens);
            }
            this.maxTokens = maxTokens;
            return this;
        }

        public Builder temperature(Double temperature) {
            // Written so that NaN is refused too.
            if (temperature != null && !(temperature >= 0 && temperature <= 2)) {
                throw new IllegalArgumentException("'temperature' must be between 0 and 2, was " + temperature);
            }
            this.temperature = temperature;
            return this;
        }

        /** How long to wait for the response to begin (a local server may first load the model). */
        public Builder responseTimeout(Duration responseTimeout) {
            this.responseTimeout = Objects.requireNonNull(responseTimeout, "responseTimeout");
            return this;
        }

        public Builder httpClient(HttpClient httpClient) {
            this.httpClient = httpClient;
            return this;
        }

        public OpenAiCompatibleModel build() {
            return new OpenAiCompatibleModel(this);
        }
    }
}
