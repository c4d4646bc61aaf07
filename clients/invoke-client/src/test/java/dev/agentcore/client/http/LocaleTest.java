package dev.agentcore.client.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentcore.client.invoke.InvocationResponse;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Matching AWS messages and content types ignores case the same way on every machine: under tr-TR, "I" lowercases
 * to a dotless "ı", so a default-locale toLowerCase() made "INVALID" and "invalid" different words.
 */
class LocaleTest {

    private Locale saved;

    @BeforeEach
    void turkish() {
        saved = Locale.getDefault();
        Locale.setDefault(Locale.forLanguageTag("tr-TR"));
    }

    @AfterEach
    void restore() {
        Locale.setDefault(saved);
    }

    @Test
    void awsMessagesMatchWhateverTheirCase() {
        assertThat(AwsError.withMessage("INVALID SESSION ID").messageContains("invalid session id")).isTrue();
        assertThat(AwsError.withMessage("Runtime Initialization Time Exceeded").messageContains("initialization time exceeded"))
                .isTrue();
    }

    @Test
    void contentTypesMatchWhateverTheirCase() {
        InvocationResponse json = new InvocationResponse(200, "APPLICATION/JSON; CHARSET=UTF-8", "s",
                Map.<String, List<String>>of(), new ByteArrayInputStream(new byte[0]));
        assertThat(json.isJson()).isTrue();
        InvocationResponse events = new InvocationResponse(200, "TEXT/EVENT-STREAM", "s", Map.of(),
                new ByteArrayInputStream(new byte[0]));
        assertThat(events.isEventStream()).isTrue();
    }
}
