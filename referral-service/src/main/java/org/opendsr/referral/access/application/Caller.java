package org.opendsr.referral.access.application;

import java.util.Set;
import java.util.TreeSet;

import io.micronaut.core.annotation.Nullable;
import org.opendsr.kit.security.DsrRoles;
import org.opendsr.referral.access.domain.Referrer;
import org.opendsr.referral.audit.application.Actor;

/**
 * Who is calling, from their token: user id ({@code sub}), DSR roles, and the email and organisation claims when
 * the identity provider gives them. A professional whose email matches a key professional's sees that person.
 */
public record Caller(String userId, Set<String> roles, @Nullable String email, @Nullable String organisation) {

    public Caller {
        roles = Set.copyOf(roles);
    }

    /** The DSR team and leads see everyone on the register (DSR area); professionals only the people linked to them. */
    public boolean seesEveryone() {
        return roles.contains(DsrRoles.DSR_TEAM) || roles.contains(DsrRoles.DSR_LEAD);
    }

    public boolean isProfessional() {
        return roles.contains(DsrRoles.PROFESSIONAL);
    }

    public Referrer asReferrer() {
        return new Referrer(userId, organisation);
    }

    public Actor asActor() {
        return new Actor(userId, String.join(",", new TreeSet<>(roles)));
    }
}
