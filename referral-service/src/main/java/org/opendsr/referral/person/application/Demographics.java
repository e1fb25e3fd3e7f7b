package org.opendsr.referral.person.application;

import io.micronaut.core.annotation.Nullable;

/** NHS Data Dictionary codes: ethnic category and gender identity, as given (checked by {@link PersonDetailsChecks}). */
public record Demographics(@Nullable String ethnicCategory, @Nullable String genderIdentity) {

    public static final Demographics NOT_GIVEN = new Demographics(null, null);
}
