package org.opendsr.benchmarks.chaos;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Calls through the gateway as the demo identities (a professional refers; reads are made as the DSR team). */
final class Gateway {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String url;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(3))
            .build();
    private final String professionalToken;

    Gateway(String url) throws IOException, InterruptedException {
        this.url = url;
        this.professionalToken = demoToken("professional");
    }

    HttpResponse<String> send(String method, String path, String contentType, byte[] body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + professionalToken)
                .header("Accept", "application/json, application/problem+json");
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A service's own readiness (not through the gateway): answers within the timeout or throws. */
    int readiness(String serviceUrl, Duration timeout) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(serviceUrl + "/health/readiness")).timeout(timeout).GET().build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    static String referralId(String body) {
        try {
            return JSON.readTree(body).path("referralId").asText(null);
        } catch (IOException e) {
            return null;
        }
    }

    private String demoToken(String username) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url + "/auth/demo-token"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + username + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("No demo token for " + username + ": " + response.statusCode());
        }
        return JSON.readTree(response.body()).path("access_token").asText();
    }
}
