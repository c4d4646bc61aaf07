package dev.agentcore.runtime.invocation;

import dev.agentcore.runtime.AgentCoreContext;
import dev.agentcore.runtime.AgentCoreHealth;
import dev.agentcore.runtime.AgentCoreTasks;
import dev.agentcore.runtime.PingStatus;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * {@code POST /invocations}: reads the JSON payload, calls the entrypoint and writes its result as
 * JSON or as server-sent events, with the Python SDK's status codes and bodies.
 */
public final class InvocationEndpoint {

    private static final Logger log = LoggerFactory.getLogger(InvocationEndpoint.class);

    static final String JSON = "application/json";
    // Starlette appends the charset to text/* media types; AgentCore clients see exactly this.
    static final String EVENT_STREAM = "text/event-stream; charset=utf-8";
    static final String DEBUG_ACTION_KEY = "_agent_core_app_action";

    /** Settings from {@code agentcore.runtime.*}. */
    public record Settings(long maxRequestBytes, boolean debugActions) {
    }

    private final ObjectMapper mapper;
    private final WireJson json;
    private final AgentCoreHealth health;
    private final AgentCoreTasks tasks;
    private final Settings settings;
    private volatile EntrypointMethod entrypoint;

    public InvocationEndpoint(ObjectMapper mapper, AgentCoreHealth health, AgentCoreTasks tasks, Settings settings) {
        this.mapper = mapper;
        this.json = new WireJson(mapper);
        this.health = health;
        this.tasks = tasks;
        this.settings = settings;
    }

    public void useEntrypoint(EntrypointMethod method) {
        this.entrypoint = method;
    }

    public ServerResponse handle(ServerRequest request) {
        return ServerResponse.ok().build((req, res) -> {
            AgentCoreContext context = RequestContexts.of(req);
            RequestContexts.putMdc(context);
            try (AgentCoreContext.Scope ignored = context.makeCurrent()) {
                serve(req, res, context);
            } finally {
                RequestContexts.clearMdc();
            }
            return null;
        });
    }

    private void serve(HttpServletRequest req, HttpServletResponse res, AgentCoreContext context) throws IOException {
        long started = System.nanoTime();
        JsonNode payload;
        try {
            payload = readPayload(req);
        } catch (BadRequest e) {
            log.warn("{} in request ({}s): {}", e.error, seconds(started), e.details);
            writeJson(res, e.status, errorBody(e.error, e.details));
            return;
        }

        if (settings.debugActions() && payload.isObject() && payload.hasNonNull(DEBUG_ACTION_KEY)) {
            debugAction(res, payload.get(DEBUG_ACTION_KEY).asString());
            return;
        }
        EntrypointMethod method = entrypoint;
        if (method == null) {
            log.error("No entrypoint defined");
            writeJson(res, 500, json.compact(Map.of("error", "No entrypoint defined")));
            return;
        }

        Object result;
        try {
            result = await(method.invoke(payload, context, mapper));
        } catch (EntrypointMethod.PayloadBindingException e) {
            log.warn("Invalid payload ({}s): {}", seconds(started), e.getMessage());
            writeJson(res, 400, errorBody("Invalid payload", e.getMessage()));
            return;
        } catch (ResponseStatusException e) {
            HttpStatusCode status = e.getStatusCode();
            String reason = e.getReason() != null ? e.getReason() : phrase(status);
            log.warn("HTTP {} ({}s): {}", status.value(), seconds(started), reason);
            writeJson(res, status.value(), json.compact(Map.of("error", reason)));
            return;
        } catch (Throwable e) {
            log.error("Invocation failed ({}s)", seconds(started), e);
            writeJson(res, 500, json.compact(Map.of("error", messageOf(e))));
            return;
        }

        EventSource events = EventSource.of(result);
        if (events != null) {
            log.info("Returning streaming response ({}s)", seconds(started));
            stream(res, events);
        } else if (result instanceof ResponseEntity<?> entity) {
            writeEntity(res, entity);
        } else {
            log.info("Invocation completed successfully ({}s)", seconds(started));
            writeJson(res, 200, json.result(result));
        }
    }

    /** Writes each element as {@code data: <json>\n\n} and flushes it; a failure ends with one error event. */
    private void stream(HttpServletResponse res, EventSource events) {
        res.setStatus(200);
        res.setContentType(EVENT_STREAM);
        try (events) {
            OutputStream out = res.getOutputStream();
            res.flushBuffer();
            while (true) {
                Object element;
                try {
                    if (!events.hasNext()) {
                        break;
                    }
                    element = events.next();
                } catch (Throwable e) {
                    // Throwable: a Publisher can fail with a checked exception (Reactor's timeout() does).
                    log.error("Error in streaming", e);
                    writeEvent(out, json.result(streamingError(e)));
                    break;
                }
                writeEvent(out, json.result(element));
            }
        } catch (IOException e) {
            // The client went away; closing the source (try-with-resources) cancels the producer.
            log.info("Client disconnected mid-stream; cancelled the handler's stream ({})", e.getMessage());
        }
    }

    private static void writeEvent(OutputStream out, String jsonText) throws IOException {
        out.write(("data: " + jsonText + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static Map<String, Object> streamingError(Throwable e) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("error", messageOf(e));
        event.put("error_type", e.getClass().getSimpleName());
        event.put("message", "An error occurred during streaming");
        return event;
    }

    private void writeEntity(HttpServletResponse res, ResponseEntity<?> entity) throws IOException {
        res.setStatus(entity.getStatusCode().value());
        entity.getHeaders().forEach((name, values) -> values.forEach(value -> res.addHeader(name, value)));
        Object body = entity.getBody();
        if (body == null) {
            // No body, as Starlette's Response(status_code=...) answers.
            res.setContentLength(0);
            return;
        }
        byte[] bytes;
        if (body instanceof byte[] raw) {
            bytes = raw;
        } else if (body instanceof String text && entity.getHeaders().getContentType() != null) {
            bytes = text.getBytes(StandardCharsets.UTF_8);
        } else {
            bytes = json.result(body).getBytes(StandardCharsets.UTF_8);
            if (entity.getHeaders().getContentType() == null) {
                res.setContentType(JSON);
            }
        }
        res.setContentLength(bytes.length);
        res.getOutputStream().write(bytes);
    }

    private void debugAction(HttpServletResponse res, String action) throws IOException {
        Object body = switch (action) {
            case "ping_status" -> {
                AgentCoreHealth.Ping ping = health.ping();
                Map<String, Object> status = new LinkedHashMap<>();
                status.put("status", ping.status().wireValue());
                status.put("time_of_last_update", ping.timeOfLastUpdate());
                yield status;
            }
            case "job_status" -> {
                AgentCoreTasks.TaskInfo info = tasks.info();
                Map<String, Object> jobs = new LinkedHashMap<>();
                jobs.put("active_count", info.activeCount());
                jobs.put("running_jobs", info.runningJobs());
                yield jobs;
            }
            case "force_healthy" -> forced(PingStatus.HEALTHY);
            case "force_busy" -> forced(PingStatus.HEALTHY_BUSY);
            case "clear_forced_status" -> {
                health.clearForced();
                log.info("Forced ping status cleared");
                yield Map.of("forced_status", "Cleared");
            }
            default -> null;
        };
        if (body == null) {
            log.warn("Unknown debug action requested: {}", action);
            writeJson(res, 400, json.compact(Map.of("error", "Unknown action: " + action)));
        } else {
            writeJson(res, 200, json.compact(body));
        }
    }

    private Map<String, String> forced(PingStatus status) {
        health.force(status);
        log.info("Ping status forced to {}", status.wireValue());
        return Map.of("forced_status", status.wireValue());
    }

    private JsonNode readPayload(HttpServletRequest req) throws IOException, BadRequest {
        long limit = settings.maxRequestBytes();
        long declared = req.getContentLengthLong();
        if (declared > limit) {
            throw BadRequest.tooLarge(declared, limit);
        }
        byte[] body;
        try (InputStream in = req.getInputStream()) {
            body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
        }
        if (body.length > limit) {
            throw BadRequest.tooLarge(body.length, limit);
        }
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
            throw new BadRequest(400, "Invalid encoding", "the body is not valid " + charset.name() + ": " + e.getMessage());
        }
        try {
            JsonNode node = mapper.readTree(text);
            if (node == null || node.isMissingNode()) {
                throw new BadRequest(400, "Invalid JSON", "Expecting value: the body is empty");
            }
            return node;
        } catch (JacksonException e) {
            // Jackson's own text may quote a redacted source; the position follows, in the reference's terms.
            String message = e.getOriginalMessage().replaceAll("\\s*\\(start marker at \\[Source:[^\\]]*]\\)", "");
            throw new BadRequest(400, "Invalid JSON", message + " at " + location(e));
        }
    }

    /**
     * The encoding {@code json.loads} reads a byte body in ({@code json.detect_encoding}), as the reference
     * parses {@code /invocations}: a UTF-32, UTF-16 or UTF-8 byte order mark, else the pattern of zero
     * bytes at the start, else UTF-8.
     */
    private static Charset detectEncoding(byte[] b) {
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

    private static Object await(Object result) throws Throwable {
        if (result instanceof CompletionStage<?> stage) {
            try {
                return stage.toCompletableFuture().get();
            } catch (ExecutionException | CompletionException e) {
                throw e.getCause() != null ? e.getCause() : e;
            }
        }
        return result;
    }

    private void writeJson(HttpServletResponse res, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        res.setStatus(status);
        res.setContentType(JSON);
        res.setContentLength(bytes.length);
        res.getOutputStream().write(bytes);
    }

    private String errorBody(String error, String details) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("details", details);
        return json.compact(body);
    }

    private static String messageOf(Throwable e) {
        return e.getMessage() == null ? "" : e.getMessage();
    }

    private static String phrase(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        return known == null ? String.valueOf(status.value()) : known.getReasonPhrase();
    }

    private static String seconds(long startedNanos) {
        return String.format("%.3f", (System.nanoTime() - startedNanos) / 1e9);
    }

    /** A request the endpoint refuses before calling the handler. */
    private static final class BadRequest extends Exception {
        final int status;
        final String error;
        final String details;

        BadRequest(int status, String error, String details) {
            super(error + ": " + details, null, false, false);
            this.status = status;
            this.error = error;
            this.details = details;
        }

        static BadRequest tooLarge(long size, long limit) {
            return new BadRequest(413, "Request too large",
                    "the body has " + size + " bytes; the limit is " + limit
                            + " (agentcore.runtime.max-request-size)");
        }
    }
}
