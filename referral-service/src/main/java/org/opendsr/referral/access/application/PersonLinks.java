package org.opendsr.referral.access.application;

import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import org.opendsr.referral.access.domain.NeedToKnow;

/**
 * How a professional is linked to a person: as a referrer, a key professional or the responsible professional. What
 * the links allow is {@link NeedToKnow}'s to decide.
 */
public interface PersonLinks {

    /** True when the user's links to the person give them a need to know (see {@link NeedToKnow}). */
    boolean isLinked(UUID personId, String userId, @Nullable String email);
}
