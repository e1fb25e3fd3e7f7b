package org.opendsr.testkit;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Collection;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for GOV.UK's {@code bank-holidays.json} on a free loopback port, for tests of the kit's working-day
 * calendar refresh: it answers whatever status and body the test sets, and counts the requests. One per test JVM
 * ({@link #shared()}), started when first asked for: test classes run one after another and set its answer first.
 */
public final class GovUkStandIn {

    private static GovUkStandIn shared;

    private final HttpServer server;
    private final AtomicInteger status = new AtomicInteger(200);
    private final AtomicReference<String> body = new AtomicReference<>("{}");
    private final AtomicInteger requests = new AtomicInteger();

    private GovUkStandIn(HttpServer server) {
        this.server = server;
    }

    public static synchronized GovUkStandIn shared() {
        if (shared == null) {
            shared = start();
        }
        return shared;
    }

    private static GovUkStandIn start() {
        try {
            GovUkStandIn standIn = new GovUkStandIn(
                    HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0));
            standIn.server.createContext("/bank-holidays.json", exchange -> {
                standIn.requests.incrementAndGet();
                byte[] answer = standIn.body.get().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(standIn.status.get(), answer.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer);
                }
            });
            standIn.server.start();
            return standIn;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** For {@code dsr.bank-holidays.url}. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/bank-holidays.json";
    }

    public void answer(int httpStatus, String json) {
        status.set(httpStatus);
        body.set(json);
    }

    public int requests() {
        return requests.get();
    }

    /** GOV.UK's format: these England and Wales days (the one-off titled so), and an empty Scotland. */
    public static String publication(Collection<LocalDate> days, LocalDate oneOff) {
        StringBuilder events = new StringBuilder();
        for (LocalDate day : days) {
            events.append(events.length() == 0 ? "" : ",").append("{\"title\":\"")
                    .append(day.equals(oneOff) ? "One-off bank holiday" : "Bank holiday")
                    .append("\",\"date\":\"").append(day).append("\",\"notes\":\"\",\"bunting\":true}");
        }
        return "{\"england-and-wales\":{\"division\":\"england-and-wales\",\"events\":[" + events + "]},"
                + "\"scotland\":{\"division\":\"scotland\",\"events\":[]}}";
    }
}
