package dev.agentcore.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The records java.util.logging publishes while this is open, for a test that checks what a lean server logs (its
 * {@code System.Logger} writes there): {@code try (LogRecords log = LogRecords.all()) { ... log.records() ... }}.
 */
public final class LogRecords implements AutoCloseable {

    private final Logger logger;
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private LogRecords(Logger logger) {
        this.logger = logger;
        logger.addHandler(handler);
    }

    /** Every record of the process, whichever logger writes it (the root logger's handlers see them all). */
    public static LogRecords all() {
        return new LogRecords(Logger.getLogger(""));
    }

    /** The records of the logger named after {@code type}, as {@code System.getLogger(type.getName())} names it. */
    public static LogRecords of(Class<?> type) {
        return new LogRecords(Logger.getLogger(type.getName()));
    }

    public List<LogRecord> records() {
        return List.copyOf(records);
    }

    /** The records' messages (their format strings; the lean servers log plain text). */
    public List<String> messages() {
        return records.stream().map(LogRecord::getMessage).toList();
    }

    @Override
    public void close() {
        logger.removeHandler(handler);
    }
}
