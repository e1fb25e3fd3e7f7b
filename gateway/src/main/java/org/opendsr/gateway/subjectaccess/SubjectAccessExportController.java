package org.opendsr.gateway.subjectaccess;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.opendsr.kit.observability.CorrelationId;
import org.opendsr.kit.observability.CorrelationIdFilter;
import org.opendsr.kit.rules.RuleBroken;
import org.opendsr.kit.web.Problems;
import org.opendsr.kit.web.RequestRefused;

/**
 * {@code POST /api/subject-access-requests/{subjectAccessRequestId}/export}: a DSR lead's subject access export, composed here
 * from every service's part ({@link ComposingSubjectAccessExports}), as one JSON document or, with
 * {@code ?format=html}, one human-readable HTML document ({@link ExportPage}), offered as a download. The proxy does not
 * route this path (routing.ApiProxyFilter): the gateway answers it itself. Who may export is each service's decision
 * (a lead only, audited there with the purpose SUBJECT_ACCESS_REQUEST): referral-service's refusal of the request is
 * passed on as it came.
 */
@Controller(SubjectAccessExportController.PATH)
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "Subject access")
public class SubjectAccessExportController {

    static final String PATH = "/api/subject-access-requests/{subjectAccessRequestId}/export";

    private final ComposingSubjectAccessExports composing;
    private final ExportPage page;
    private final Problems problems;

    public SubjectAccessExportController(ComposingSubjectAccessExports composing, ExportPage page, Problems problems) {
        this.composing = composing;
        this.page = page;
        this.problems = problems;
    }

    /** Whether a (normalised, raw) gateway path is this endpoint's, which the proxy leaves to the gateway. */
    public static boolean answers(String rawPath) {
        return rawPath.matches("/api/subject-access-requests/[^/]+/export");
    }

    @Post(produces = {MediaType.APPLICATION_JSON, MediaType.TEXT_HTML})
    @Operation(summary = "Export everything the DSR holds about the request's person: every service's part, what was"
            + " redacted and why, and which parts are missing (left PENDING on the request); JSON, or HTML with"
            + " format=html. A DSR lead only")
    public MutableHttpResponse<?> export(@PathVariable("subjectAccessRequestId") UUID requestId, @Nullable @QueryValue String format,
                                         HttpRequest<?> request) {
        boolean html = "html".equals(format);
        if (format != null && !html && !"json".equals(format)) {
            throw RuleBroken.invalid("format", "must be json or html");
        }
        String authorization = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        String correlationId = request.getAttribute(CorrelationIdFilter.ATTRIBUTE, String.class)
                .orElseGet(CorrelationId::newId);
        ComposingSubjectAccessExports.Outcome outcome = composing.export(requestId, authorization, correlationId);
        if (outcome instanceof ComposingSubjectAccessExports.Refused refused) {
            return HttpResponse.status(statusOf(refused.status()))
                    .contentType(refused.contentType() == null ? MediaType.APPLICATION_JSON : refused.contentType())
                    .body(refused.body());
        }
        if (outcome instanceof ComposingSubjectAccessExports.Unavailable unavailable) {
            // Refused, not failed: a 5xx from an exception would have its detail replaced, hiding which service.
            return problems.respond(request, HttpStatus.SERVICE_UNAVAILABLE, new RequestRefused(
                    HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable", "Service unavailable",
                    unavailable.detail(), null), List.of());
        }
        Map<String, Object> document = ((ComposingSubjectAccessExports.Composed) outcome).document();
        String file = "subject-access-" + requestId + (html ? ".html" : ".json");
        MutableHttpResponse<?> response = html
                ? HttpResponse.ok(page.render(document).getBytes(StandardCharsets.UTF_8))
                        .contentType(ExportPage.CONTENT_TYPE)
                : HttpResponse.ok(document).contentType(MediaType.APPLICATION_JSON_TYPE);
        return response.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + file + "\"")
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    /** referral-service's status as it came; one Micronaut has no name for is a 502 (it answered, but not sensibly). */
    private static HttpStatus statusOf(int code) {
        try {
            return HttpStatus.valueOf(code);
        } catch (IllegalArgumentException unknown) {
            return HttpStatus.BAD_GATEWAY;
        }
    }
}
