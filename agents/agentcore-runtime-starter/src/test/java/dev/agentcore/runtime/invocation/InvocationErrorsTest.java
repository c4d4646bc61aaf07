package dev.agentcore.runtime.invocation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.databind.json.JsonMapper;

class InvocationErrorsTest {

    private final InvocationErrors errors = new InvocationErrors(new WireJson(JsonMapper.builder().build()));

    @Test
    void aResponseStatusExceptionKeepsItsStatusAndReasonOrThePhrase() {
        assertThat(errors.handlerFailed(new ResponseStatusException(HttpStatus.CONFLICT, "taken"), "0.001"))
                .isEqualTo(new JsonReply(409, "{\"error\":\"taken\"}"));
        assertThat(errors.handlerFailed(new ResponseStatusException(HttpStatus.TOO_MANY_REQUESTS), "0.001"))
                .isEqualTo(new JsonReply(429, "{\"error\":\"Too Many Requests\"}"));
        assertThat(errors.handlerFailed(new ResponseStatusException(HttpStatusCode.valueOf(599)), "0.001"))
                .isEqualTo(new JsonReply(599, "{\"error\":\"599\"}"));
    }

    @Test
    void anythingElseIs500WithTheMessageAndNoStackTrace() {
        assertThat(errors.handlerFailed(new IllegalStateException("boom"), "0.001"))
                .isEqualTo(new JsonReply(500, "{\"error\":\"boom\"}"));
        assertThat(errors.handlerFailed(new NullPointerException(), "0.001"))
                .isEqualTo(new JsonReply(500, "{\"error\":\"\"}"));
    }

    @Test
    void aPayloadThatDoesNotBindIs400InvalidPayload() {
        var binding = new EntrypointMethod.PayloadBindingException("payload does not match Ask at 'count'", null);
        assertThat(errors.handlerFailed(binding, "0.001")).isEqualTo(
                new JsonReply(400, "{\"error\":\"Invalid payload\",\"details\":\"payload does not match Ask at 'count'\"}"));
    }

    @Test
    void aRefusedBodyAndAMissingEntrypoint() {
        assertThat(errors.rejected(new RejectedPayload(400, "Invalid JSON", "at 1"), "0.001"))
                .isEqualTo(new JsonReply(400, "{\"error\":\"Invalid JSON\",\"details\":\"at 1\"}"));
        assertThat(errors.noEntrypoint()).isEqualTo(new JsonReply(500, "{\"error\":\"No entrypoint defined\"}"));
    }

    @Test
    void aFailedStreamEndsWithTheReferencesErrorEvent() {
        assertThat(errors.streamingErrorEvent(new IllegalArgumentException("bad")))
                .containsExactly(java.util.Map.entry("error", "bad"),
                        java.util.Map.entry("error_type", "IllegalArgumentException"),
                        java.util.Map.entry("message", "An error occurred during streaming"));
    }
}
