package org.opendsr.testkit;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.AppenderBase;
import org.slf4j.LoggerFactory;

/**
 * Captures every log line of this JVM (message, arguments, MDC and exception text) while open, so a test can
 * prove that no personal data reached a log.
 */
public final class LogCapture extends AppenderBase<ILoggingEvent> implements AutoCloseable {

    private final List<String> lines = new CopyOnWriteArrayList<>();

    private LogCapture() {
    }

    public static LogCapture capture() {
        LogCapture capture = new LogCapture();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        capture.setContext(root.getLoggerContext());
        capture.setName("test-log-capture");
        capture.start();
        root.addAppender(capture);
        return capture;
    }

    @Override
    protected void append(ILoggingEvent event) {
        StringBuilder line = new StringBuilder()
                .append(event.getLevel()).append(' ')
                .append(event.getLoggerName()).append(' ')
                .append(event.getFormattedMessage()).append(' ')
                .append(event.getMDCPropertyMap());
        for (IThrowableProxy cause = event.getThrowableProxy(); cause != null; cause = cause.getCause()) {
            line.append(" caused by ").append(cause.getClassName()).append(": ").append(cause.getMessage());
        }
        lines.add(line.toString());
    }

    public List<String> lines() {
        return List.copyOf(lines);
    }

    /** Lines that contain any of the given values (case-insensitive). */
    public List<String> linesContainingAnyOf(String... values) {
        return lines.stream()
                .filter(line -> {
                    String lower = line.toLowerCase();
                    for (String value : values) {
                        if (lower.contains(value.toLowerCase())) {
                            return true;
                        }
                    }
                    return false;
                })
                .toList();
    }

    @Override
    public void close() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.detachAppender(this);
        stop();
    }
}
