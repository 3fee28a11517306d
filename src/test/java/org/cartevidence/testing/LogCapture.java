package org.cartevidence.testing;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Everything the application logs while it is open (the root logger, which JBoss Log Manager's loggers reach), for
 * tests that assert on what was or was not logged: {@code try (LogCapture log = LogCapture.start()) { ... }}.
 */
public final class LogCapture extends Handler implements AutoCloseable {

    private final List<LogRecord> records = new ArrayList<>();

    private LogCapture() {
    }

    public static LogCapture start() {
        LogCapture capture = new LogCapture();
        Logger.getLogger("").addHandler(capture);
        return capture;
    }

    /** The records so far, in the order they were logged. */
    public List<LogRecord> records() {
        synchronized (records) {
            return List.copyOf(records);
        }
    }

    /** A record as a reader of the log would see it: its message, its parameters and its stack trace. */
    public static String text(LogRecord record) {
        StringBuilder text = new StringBuilder(String.valueOf(record.getMessage()));
        if (record.getParameters() != null) {
            for (Object parameter : record.getParameters()) {
                text.append(' ').append(parameter);
            }
        }
        if (record.getThrown() != null) {
            StringWriter trace = new StringWriter();
            record.getThrown().printStackTrace(new PrintWriter(trace));
            text.append(trace);
        }
        return text.toString();
    }

    @Override
    public void publish(LogRecord record) {
        synchronized (records) {
            records.add(record);
        }
    }

    @Override
    public void flush() {
    }

    /** Stops capturing; the records stay readable. */
    @Override
    public void close() {
        Logger.getLogger("").removeHandler(this);
    }
}
