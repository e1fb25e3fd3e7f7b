package org.opendsr.referral.shared.adapters.web;

import java.util.List;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.opendsr.kit.web.Problems;
import org.opendsr.kit.web.RequestRefused;
import org.opendsr.referral.shared.domain.RuleBroken;

/** A DSR rule that refuses a request is a 409 problem saying which rule and why ({@code urn:dsr:problem:<rule>}). */
@Singleton
@Produces
public class RuleBrokenHandler implements ExceptionHandler<RuleBroken, HttpResponse<?>> {

    private final Problems problems;

    public RuleBrokenHandler(Problems problems) {
        this.problems = problems;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, RuleBroken broken) {
        RequestRefused refusal = RequestRefused.conflict(broken.problem(), broken.title(), broken.getMessage());
        return problems.respond(request, HttpStatus.CONFLICT, refusal, List.of());
    }
}
