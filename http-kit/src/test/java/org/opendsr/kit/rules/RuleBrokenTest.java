package org.opendsr.kit.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.opendsr.kit.observability.SafeThrowables;

class RuleBrokenTest {

    @Test
    void eachFactoryGivesItsKindProblemTitleAndField() {
        RuleBroken invalid = RuleBroken.invalid("dateOfBirth", "must not be in the future");
        assertThat(invalid.kind()).isEqualTo(RuleBroken.Kind.INVALID_REQUEST);
        assertThat(invalid.problem()).isEqualTo("invalid-request");
        assertThat(invalid.title()).isEqualTo("The request is not valid");
        assertThat(invalid.field()).isEqualTo("dateOfBirth");
        assertThat(invalid.getMessage()).isEqualTo("must not be in the future");

        RuleBroken notFound = RuleBroken.notFound("Referral");
        assertThat(notFound.kind()).isEqualTo(RuleBroken.Kind.NOT_FOUND);
        assertThat(notFound.problem()).isEqualTo("not-found");
        assertThat(notFound.title()).isEqualTo("Not found");
        assertThat(notFound.getMessage()).isEqualTo("Referral was not found");
        assertThat(notFound.field()).isNull();

        RuleBroken conflict = RuleBroken.conflict("consent-not-active", "Consent is not active", "no active consent");
        assertThat(conflict.kind()).isEqualTo(RuleBroken.Kind.CONFLICT);
        assertThat(conflict.problem()).isEqualTo("consent-not-active");
        assertThat(conflict.title()).isEqualTo("Consent is not active");
        assertThat(conflict.field()).isNull();
        assertThat(RuleBroken.conflict("p", "t", "renewalOf", "d").field()).isEqualTo("renewalOf");

        RuleBroken forbidden = RuleBroken.forbidden("not yours");
        assertThat(forbidden.kind()).isEqualTo(RuleBroken.Kind.FORBIDDEN);
        assertThat(forbidden.problem()).isEqualTo("forbidden");
        assertThat(forbidden.title()).isEqualTo("Not allowed");

        RuleBroken unknown = RuleBroken.unknownPerson();
        assertThat(unknown.kind()).isEqualTo(RuleBroken.Kind.CONFLICT);
        assertThat(unknown.problem()).isEqualTo("unknown-person");
        assertThat(unknown.title()).isEqualTo("No such person");
        assertThat(unknown.getMessage()).isEqualTo("no person with this personId");
    }

    @Test
    void itsDetailIsDataSafeSoLogsShowIt() {
        assertThat(SafeThrowables.summary(RuleBroken.forbidden("not yours")))
                .isEqualTo(RuleBroken.class.getName() + ": not yours");
        assertThat(SafeThrowables.summary(new IllegalStateException("9434765919")))
                .isEqualTo(IllegalStateException.class.getName());
    }
}
