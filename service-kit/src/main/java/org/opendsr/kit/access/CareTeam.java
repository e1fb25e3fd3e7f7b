package org.opendsr.kit.access;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import org.opendsr.contracts.access.CareTeamMember;
import org.opendsr.contracts.access.CareTeamRole;

/**
 * A person's care team as this service knows it: the area (locality code) whose DSR team sees them, and the current
 * memberships (subject, role, from, to). referral-service decides it; the other services hold it as a projection of
 * {@code dsr.person.care-team-changed.v1}.
 */
public record CareTeam(UUID personId, @Nullable String area, List<CareTeamMember> members) {

    /** The locality code of someone who moved out of the ICB's area. */
    public static final String OUT_OF_AREA = "OUT_OF_AREA";

    public CareTeam {
        members = List.copyOf(members);
    }

    /** A person the service has not been told about yet: no area and nobody in their care team. */
    public static CareTeam unknown(UUID personId) {
        return new CareTeam(personId, null, List.of());
    }

    /** The subject's membership in force at {@code now}, the strongest if several (care before break-glass). */
    public Optional<CareTeamMember> membershipOf(String subject, Instant now) {
        return members.stream()
                .filter(member -> member.subject().equals(subject))
                .filter(member -> inForce(member, now))
                .min((a, b) -> Boolean.compare(a.role() == CareTeamRole.BREAK_GLASS, b.role() == CareTeamRole.BREAK_GLASS));
    }

    /** Whether no area's DSR team has the person yet (not placed, or moved out of the ICB): every team sees them. */
    public boolean belongsToNoArea() {
        return isNoArea(area);
    }

    /** An area (a locality code) that is no area's: not known, or out of the ICB. Every DSR team works it. */
    public static boolean isNoArea(@Nullable String area) {
        return area == null || OUT_OF_AREA.equals(area);
    }

    /**
     * The SQL of {@link NeedToKnow#worksTheArea} for a DSR team (a lead needs no condition): the row's area is no
     * area's, or one of the caller's areas, bound as a text array.
     */
    public static String noAreaOrOneOf(String areaColumn) {
        return "(" + areaColumn + " IS NULL OR " + areaColumn + " = '" + OUT_OF_AREA + "' OR " + areaColumn
                + " = ANY (?))";
    }

    static boolean inForce(CareTeamMember member, Instant now) {
        return !member.from().isAfter(now) && (member.to() == null || member.to().isAfter(now));
    }
}
