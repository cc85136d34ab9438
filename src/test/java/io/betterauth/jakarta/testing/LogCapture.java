package io.betterauth.jakarta.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * What the library's loggers ({@code io.betterauth.jakarta.*}, through {@code System.Logger}'s default
 * java.util.logging backend) publish while it is open: for tests that client input is never logged as an error.
 */
public final class LogCapture extends Handler implements AutoCloseable {

    /** Held strongly: java.util.logging keeps loggers only weakly, and a collected one loses its handlers. */
    private final Logger logger = Logger.getLogger("io.betterauth.jakarta");
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();

    private LogCapture() {
        setLevel(Level.ALL);
        logger.addHandler(this);
    }

    public static LogCapture start() {
        return new LogCapture();
    }

    /** Each record at {@code WARNING} or above, as "LEVEL logger: message (thrown)". */
    public List<String> warningsAndErrors() {
        return records.stream().filter(r -> r.getLevel().intValue() >= Level.WARNING.intValue())
                .map(r -> r.getLevel() + " " + r.getLoggerName() + ": " + r.getMessage()
                        + (r.getThrown() == null ? "" : " (" + r.getThrown() + ")"))
                .toList();
    }

    @Override
    public void publish(LogRecord record) {
        records.add(record);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        logger.removeHandler(this);
    }
}
