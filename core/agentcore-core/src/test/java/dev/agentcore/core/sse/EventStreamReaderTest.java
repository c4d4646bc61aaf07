package dev.agentcore.core.sse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;

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

    @Test
    void aLineWithoutAnEndStopsAtTheBoundInsteadOfFillingTheHeap() {
        // An endless line: before the bound, the reader buffered until OutOfMemoryError.
        InputStream endless = new InputStream() {
            long sent;

            @Override
            public int read() {
                return sent++ < 6 ? "data: ".charAt((int) sent - 1) : 'x';
            }
        };
        EventStreamException e = catchThrowableOfType(EventStreamException.class,
                () -> EventStreamReader.strict(endless, 1024).nextData());
        assertThat(e.problem()).isEqualTo(EventStreamException.Problem.TOO_LONG);
        assertThat(e.getMessage()).isEqualTo("line 1: a line passed 1024 characters without a line break");
    }

    @Test
    void anEventOfManyShortLinesIsBoundedToo() {
        String manyLines = "data: 0123456789\n".repeat(200);
        EventStreamException e = catchThrowableOfType(EventStreamException.class,
                () -> EventStreamReader.strict(utf8(manyLines), 1024).nextData());
        assertThat(e.problem()).isEqualTo(EventStreamException.Problem.TOO_LONG);
        assertThat(e.getMessage()).contains("the data of one event passed 1024 characters");
    }

    @Test
    void theDefaultReaderKeepsTheDefaultBound() {
        assertThat(new EventStreamReader(new StringReader("")).maxEventChars())
                .isEqualTo(EventStreamReader.DEFAULT_MAX_EVENT_CHARS);
    }

    @Test
    void crAndCrlfEndLinesAsTheFormatSays() throws Exception {
        EventStreamReader events = EventStreamReader.strict(utf8("data: a\r\n\r\ndata: b\r\rdata: c\n\n"), 100);
        assertThat(events.nextData()).isEqualTo("a");
        assertThat(events.nextData()).isEqualTo("b");
        assertThat(events.nextData()).isEqualTo("c");
        assertThat(events.nextData()).isNull();
    }

    @Test
    void aStrictReaderRefusesWhatIsNoEventStreamAndALenientOneSkipsIt() throws Exception {
        String html = "data: \"first\"\n\n<html><body>502 Bad Gateway</body></html>\n";
        EventStreamReader strict = EventStreamReader.strict(utf8(html), 100);
        assertThat(strict.nextData()).isEqualTo("\"first\"");
        EventStreamException e = catchThrowableOfType(EventStreamException.class, strict::nextData);
        assertThat(e.problem()).isEqualTo(EventStreamException.Problem.NOT_AN_EVENT_STREAM);
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.getMessage()).startsWith("line 3: '<html><body>502 Bad Gateway</body></html>' is not an SSE field");

        EventStreamReader lenient = EventStreamReader.utf8(utf8(html));
        assertThat(lenient.nextData()).isEqualTo("\"first\"");
        assertThat(lenient.nextData()).isNull();
    }

    private static InputStream utf8(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
