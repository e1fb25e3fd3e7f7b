package org.opendsr.gateway;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.opendsr.testkit.ApiClient;

/**
 * Stands in for a DSR service behind the gateway: records every request exactly as it arrived (method, path,
 * raw query, headers, body) and answers with an echo of it. A path ending in {@code /missing} gets the 404
 * problem a service would give; {@code /swagger/<service>.yml} gets a small OpenAPI document; a path ending in
 * {@code .csv} or {@code /page} gets a CSV table or an HTML page, as reporting-service's reports answer.
 */
final class FakeBackend implements AutoCloseable {

    /** One request as the backend received it. Header names are lower case. */
    record Received(String method, String path, String rawQuery, Map<String, List<String>> headers, String body) {

        List<String> header(String name) {
            return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
        }
    }

    /** A report table as reporting-service answers one: CRLF line ends, quoting, a non-ASCII character. */
    static final String CSV = "period,measure,group,dimension,category,value,suppressed,status\r\n"
            + "2026-11,referrals-received,ALL,LOCALITY,\"A, B\",*,true,FINAL\r\n2026-11,x,ALL,TOTAL,ALL,\u2013,false,FINAL\r\n";
    /** A report page as reporting-service answers one: HTML with an inline SVG chart. */
    static final String HTML = "<!DOCTYPE html>\n<html lang=\"en-GB\"><head><meta charset=\"utf-8\"><title>Report</title>"
            + "<style>@media print{nav{display:none}}</style></head><body><figure><svg xmlns=\"http://www.w3.org/2000/svg\" "
            + "viewBox=\"0 0 10 10\"><text x=\"1\" y=\"5\">RED \u2013 AMBER</text></svg></figure></body></html>\n";

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final CountDownLatch stopping = new CountDownLatch(1);

    private FakeBackend(HttpServer server) {
        this.server = server;
    }

    static FakeBackend start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            FakeBackend backend = new FakeBackend(server);
            server.createContext("/", backend::handle);
            // Several threads: a stuck request must not hold up the others.
            server.setExecutor(Executors.newCachedThreadPool());
            server.start();
            return backend;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the fake backend", e);
        }
    }

    /** A URL where nothing listens: a service that is down. */
    static URI nothingListening() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Every request received at this path, in order. */
    List<Received> receivedAt(String path) {
        return received.stream().filter(request -> request.path().equals(path)).toList();
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, List<String>> headers = new TreeMap<>();
            exchange.getRequestHeaders().forEach((name, values) ->
                    headers.put(name.toLowerCase(Locale.ROOT), new ArrayList<>(values)));
            URI uri = exchange.getRequestURI();
            Received request = new Received(exchange.getRequestMethod(), uri.getRawPath(), uri.getRawQuery(), headers, body);
            received.add(request);

            if (request.path().endsWith("/stuck")) {
                awaitStop();
                respond(exchange, 200, "application/json", "{}");
            } else if (request.path().startsWith("/swagger/") && request.path().endsWith(".yml")) {
                respond(exchange, 200, "application/yaml", "openapi: 3.0.1\ninfo:\n  title: fake backend\n  version: \"0.1\"\n");
            } else if (request.path().endsWith(".csv")) {
                respond(exchange, 200, "text/csv; charset=UTF-8", CSV);
            } else if (request.path().endsWith("/page")) {
                respond(exchange, 200, "text/html; charset=UTF-8", HTML);
            } else if (request.path().endsWith("/missing")) {
                respond(exchange, 404, "application/problem+json",
                        "{\"type\":\"urn:dsr:problem:not-found\",\"title\":\"Not found\",\"status\":404,"
                                + "\"detail\":\"The referral was not found\"}");
            } else {
                ObjectNode echo = ApiClient.JSON.createObjectNode()
                        .put("method", request.method())
                        .put("path", request.path())
                        .put("query", request.rawQuery())
                        .put("body", request.body());
                respond(exchange, 200, "application/json", echo.toString());
            }
        }
    }

    private static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private void awaitStop() {
        try {
            stopping.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stopping.countDown();
        server.stop(0);
        ((ExecutorService) server.getExecutor()).shutdownNow();
    }
}
