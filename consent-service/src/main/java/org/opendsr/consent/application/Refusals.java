package org.opendsr.consent.application;

import io.micronaut.http.HttpStatus;
import org.opendsr.consent.domain.ConsentRuleBroken;
import org.opendsr.kit.web.RequestRefused;

/** A broken consent rule as the caller sees it: 400 naming the field, or 409 naming the rule. */
final class Refusals {

    static final String CONFLICT_TITLE = "The request conflicts with what the DSR knows about this consent";

    private Refusals() {
    }

    static RequestRefused of(ConsentRuleBroken broken) {
        if (broken.kind() == ConsentRuleBroken.Kind.INVALID_REQUEST) {
            return RequestRefused.invalidField(broken.field(), broken.getMessage());
        }
        return new RequestRefused(HttpStatus.CONFLICT, broken.problem(), CONFLICT_TITLE, broken.getMessage(),
                broken.field());
    }

    static RequestRefused unknownConsentToRenew() {
        return new RequestRefused(HttpStatus.NOT_FOUND, "not-found", "Not found", "The consent to renew was not found",
                "renewalOf");
    }

    static RequestRefused unknownPerson() {
        return new RequestRefused(HttpStatus.NOT_FOUND, "not-found", "Not found",
                "No referral for this person has reached consent-service: it knows a person from their referral",
                "personId");
    }
}
