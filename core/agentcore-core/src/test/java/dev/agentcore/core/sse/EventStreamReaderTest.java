package dev.agentcore.core.sse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;

import org.junit.jupiter.api.Test;

class EventStreamReaderTest {

    @Test
    void readsDataLinesUpToABlankLineAndSkipsEverythingElse() throws Exception {
        EventStreamReader events = new EventStreamReader(new StringReader(
                ": keep-alive\n\nevent: message\nid: 7\ndata: {\"a\":1}\n\ndata:no space\ndata:  two spaces\n\n"
                        + "retry: 10\n\n\ndata: last, unterminated"));
        assertThat(events.nextData()).isEqualTo("{\"a\":1}");
        assertThat(events.nextData()).isEqualTo("no space\n two spaces");
        assertThat(events.nextData()).isEqualTo("last, unterminated");
        assertThat(events.nextData()).isNull();
    }

    @Test
    void anEmptyDataLineIsAnEventWithEmptyData() throws Exception {
        EventStreamReader events = new EventStreamReader(new StringReader("data:\n\n"));
        assertThat(events.nextData()).isEmpty();
        assertThat(events.nextData()).isNull();
    }
}
