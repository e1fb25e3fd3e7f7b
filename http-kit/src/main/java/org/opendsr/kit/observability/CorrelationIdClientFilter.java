package org.opendsr.kit.observability;

import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.annotation.ClientFilter;
import io.micronaut.http.annotation.RequestFilter;

/** Passes the current correlation id on to every HTTP call this service makes. */
@ClientFilter(ClientFilter.MATCH_ALL_PATTERN)
public class CorrelationIdClientFilter {

    @RequestFilter
    public void propagate(MutableHttpRequest<?> request) {
        if (!request.getHeaders().contains(CorrelationId.HEADER)) {
            CorrelationId.current().ifPresent(id -> request.header(CorrelationId.HEADER, id));
        }
    }
}
