package org.opendsr.kit.web;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.MutableHttpHeaders;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

/**
 * Standard security headers on every response of every DSR process (the gateway and each service), refusals and
 * problems included. Answers carry special-category health data, so no cache may keep them ({@code no-store},
 * and {@code Pragma} for HTTP/1.0 caches); a response is never framed (clickjacking), never content-sniffed, never
 * named in a Referer. {@code set}, not {@code add}: a response relayed through the gateway carries them once.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class SecurityHeaders implements Ordered {

    private final String strictTransportSecurity;

    public SecurityHeaders(@Value("${dsr.http.security-headers.strict-transport-security:}") String strictTransportSecurity) {
        this.strictTransportSecurity = strictTransportSecurity;
    }

    @ResponseFilter
    public void addTo(MutableHttpResponse<?> response) {
        MutableHttpHeaders headers = response.getHeaders();
        headers.set("Cache-Control", "no-store");
        headers.set("Pragma", "no-cache");
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("X-Frame-Options", "DENY");
        headers.set("Content-Security-Policy", "frame-ancestors 'none'");
        headers.set("Referrer-Policy", "no-referrer");
        if (!strictTransportSecurity.isBlank()) {
            headers.set("Strict-Transport-Security", strictTransportSecurity);
        }
    }

    @Override
    public int getOrder() {
        // First in, so last to see the response: whatever the other filters or a relayed service answered.
        return ServerFilterPhase.FIRST.order();
    }
}
