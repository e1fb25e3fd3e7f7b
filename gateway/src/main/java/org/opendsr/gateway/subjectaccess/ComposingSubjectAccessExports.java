package org.opendsr.gateway.subjectaccess;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import org.opendsr.gateway.routing.BackendService;
import org.opendsr.gateway.routing.ServiceRoutes;
import org.opendsr.kit.observability.CorrelationId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Composes a person's subject access export (issue 16) as DESIGN.md has the gateway compose person views: it asks
 * referral-service for the request (whose person, and whether the caller may export it), fetches every contributing
 * service's part at once with the caller's own token (each service decides and audits: a DSR lead only), records in
 * referral-service which parts it had, and returns one document: the request, when it was generated, every part, what
 * each service redacted, and which parts are missing and why. A service that does not answer in time, or answers with
 * an error, leaves its part PENDING and named as missing; the export itself still answers (never a 500).
 *
 * <p>Nothing personal is logged: services by name, requests and people by id only.
 */
@Singleton
public class ComposingSubjectAccessExports {

    private static final Logger LOG = LoggerFactory.getLogger(ComposingSubjectAccessExports.class);
    private static final String REFERRAL_SERVICE = "referral-service";
    private static final Argument<Map<String, Object>> JSON_OBJECT = Argument.mapOf(String.class, Object.class);

    private final ServiceRoutes routes;
    private final SubjectAccessSettings settings;
    private final JsonMapper json;
    private final Clock clock;
    private final HttpClient http;

    public ComposingSubjectAccessExports(ServiceRoutes routes, SubjectAccessSettings settings, JsonMapper json,
                                         Clock clock) {
        this.routes = routes;
        this.settings = settings;
        this.json = json;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** The export, or referral-service's own answer when it would not give the request (403, 404, ...). */
    public sealed interface Outcome permits Composed, Refused, Unavailable {
    }

    /** The document, as plain JSON values (maps, lists, text, numbers). */
    public record Composed(Map<String, Object> document) implements Outcome {
    }

    /** referral-service refused or did not find the request: its answer is passed on as it came. */
    public record Refused(int status, String contentType, byte[] body) implements Outcome {
    }

    /** referral-service did not answer: without it the export cannot know whose data to gather. */
    public record Unavailable(String detail) implements Outcome {
    }

    /** The export of one request, asked for with the caller's {@code authorization} (relayed as it came). */
    public Outcome export(UUID requestId, String authorization, String correlationId) {
        Answer lookup = call(REFERRAL_SERVICE, "GET", "/subject-access-requests/" + requestId, null, authorization,
                correlationId).join();
        if (lookup.status() == 0) {
            return new Unavailable(lookup.failure());
        }
        if (lookup.status() >= 500) {
            return new Unavailable(REFERRAL_SERVICE + " answered " + lookup.status());
        }
        if (lookup.status() != 200) {
            return new Refused(lookup.status(), lookup.contentType(), lookup.body());
        }
        Map<String, Object> request = parse(lookup.body()).orElse(Map.of());
        String personId = String.valueOf(request.get("personId"));

        Map<String, CompletableFuture<Answer>> asked = new LinkedHashMap<>();
        for (String service : settings.getContributors()) {
            asked.put(service, call(service, "GET", "/subject-access/" + service + "/people/" + personId, null,
                    authorization, correlationId));
        }
        Map<String, Object> parts = new LinkedHashMap<>();
        List<Map<String, Object>> missing = new ArrayList<>();
        List<Map<String, Object>> redacted = new ArrayList<>();
        boolean progressRecorded = true;
        Map<String, Object> progressed = request;
        for (Map.Entry<String, CompletableFuture<Answer>> entry : asked.entrySet()) {
            String service = entry.getKey();
            Answer answer = entry.getValue().join();
            Optional<Map<String, Object>> part = answer.status() == 200 ? parse(answer.body()) : Optional.empty();
            if (part.isPresent()) {
                parts.put(service, part.get());
                redacted.addAll(redactionsOf(service, part.get()));
            } else {
                missing.add(Map.of("service", service, "reason", answer.status() == 0 ? answer.failure()
                        : service + " answered " + answer.status()));
                LOG.warn("Subject access export {}: {} part missing ({})", requestId, service,
                        answer.status() == 0 ? "no answer" : "status " + answer.status());
            }
            Answer recorded = call(REFERRAL_SERVICE, "PUT", "/subject-access-requests/" + requestId + "/progress/"
                    + service, Map.of("progress", part.isPresent() ? "CONTRIBUTED" : "PENDING"), authorization,
                    correlationId).join();
            if (recorded.status() == 200) {
                progressed = parse(recorded.body()).orElse(progressed);
            } else {
                progressRecorded = false;
                LOG.warn("Subject access export {}: progress of {} not recorded (status {})", requestId, service,
                        recorded.status());
            }
        }

        Map<String, Object> document = new LinkedHashMap<>();
        document.put("title", "Subject access export");
        document.put("requestId", requestId.toString());
        document.put("personId", personId);
        document.put("generatedAt", clock.instant().toString());
        document.put("complete", missing.isEmpty());
        document.put("request", progressed);
        document.put("parts", parts);
        document.put("missing", missing);
        document.put("redacted", redacted);
        document.put("progressRecorded", progressRecorded);
        return new Composed(document);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> redactionsOf(String service, Map<String, Object> part) {
        List<Map<String, Object>> redactions = new ArrayList<>();
        if (part.get("redacted") instanceof List<?> listed) {
            for (Object item : listed) {
                if (item instanceof Map<?, ?> redaction) {
                    Map<String, Object> withService = new LinkedHashMap<>();
                    withService.put("service", service);
                    withService.putAll((Map<String, Object>) redaction);
                    redactions.add(withService);
                }
            }
        }
        return redactions;
    }

    private Optional<Map<String, Object>> parse(byte[] body) {
        try {
            return Optional.ofNullable(json.readValue(body, JSON_OBJECT));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** One service's answer; status 0 when it gave none ({@code failure} says why). */
    private record Answer(int status, @Nullable String contentType, byte[] body, @Nullable String failure) {

        static Answer none(String failure) {
            return new Answer(0, null, new byte[0], failure);
        }
    }

    private CompletableFuture<Answer> call(String service, String method, String path, @Nullable Object body,
                                           String authorization, String correlationId) {
        Optional<BackendService> backend = routes.byName(service);
        if (backend.isEmpty()) {
            return CompletableFuture.completedFuture(Answer.none(service + " is not configured"));
        }
        HttpRequest.BodyPublisher publisher;
        try {
            publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body));
        } catch (IOException e) {
            return CompletableFuture.completedFuture(Answer.none("the request could not be written"));
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(
                        backend.get().getUrl().toString().replaceAll("/$", "") + path))
                .timeout(settings.getPartTimeout())
                .header("Authorization", authorization)
                .header("Accept", "application/json")
                .header(CorrelationId.HEADER, correlationId)
                .method(method, publisher);
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofByteArray())
                .orTimeout(settings.getPartTimeout().toMillis() + 1000, TimeUnit.MILLISECONDS)
                .thenApply(response -> new Answer(response.statusCode(),
                        response.headers().firstValue("Content-Type").orElse("application/json"), response.body(),
                        null))
                .exceptionally(failure -> Answer.none(service + (isTimeout(failure) ? " did not answer in time"
                        : " is not available")));
    }

    private static boolean isTimeout(Throwable failure) {
        Throwable cause = failure;
        while (cause != null) {
            if (cause instanceof java.net.http.HttpTimeoutException
                    || cause instanceof java.util.concurrent.TimeoutException) {
                return true;
            }
            cause = cause.getCause();
        }
        return false;
    }
}
