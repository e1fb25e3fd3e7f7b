package org.opendsr.referral.person.application;

import io.micronaut.core.annotation.Nullable;

/** Where someone lives, apart from the postcode and locality, which every person has. */
public record Address(@Nullable String line1, @Nullable String line2, @Nullable String town) {

    public static final Address NONE = new Address(null, null, null);

    @Override
    public String toString() {
        return "Address[redacted]";
    }
}
