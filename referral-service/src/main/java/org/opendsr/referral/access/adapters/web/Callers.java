package org.opendsr.referral.access.adapters.web;

import java.util.Arrays;
import java.util.Set;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.authentication.Authentication;
import org.opendsr.kit.web.RequestRefused;
import org.opendsr.referral.access.application.Caller;
import org.opendsr.referral.access.domain.AccessPurpose;

/** The caller from their token, and the purpose they state for reading or changing a person's record. */
public final class Callers {

    /** Why the caller reads or changes a record; each endpoint has a default. */
    public static final String PURPOSE_HEADER = "X-DSR-Purpose";

    private Callers() {
    }

    public static Caller of(Authentication authentication) {
        return new Caller(authentication.getName(), Set.copyOf(authentication.getRoles()),
                claim(authentication, "email"), claim(authentication, "organisation"));
    }

    public static AccessPurpose purpose(@Nullable String stated, AccessPurpose byDefault) {
        if (stated == null || stated.isBlank()) {
            return byDefault;
        }
        return Arrays.stream(AccessPurpose.values())
                .filter(AccessPurpose::isStatedByCallers)
                .filter(purpose -> purpose.name().equals(stated.trim()))
                .findFirst()
                .orElseThrow(() -> RequestRefused.invalidField(PURPOSE_HEADER, "must be one of "
                        + Arrays.stream(AccessPurpose.values()).filter(AccessPurpose::isStatedByCallers).toList()));
    }

    private static String claim(Authentication authentication, String name) {
        Object value = authentication.getAttributes().get(name);
        return value == null ? null : value.toString();
    }
}
