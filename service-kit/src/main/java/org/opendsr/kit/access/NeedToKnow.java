package org.opendsr.kit.access;

import java.time.Instant;
import java.util.Set;

import io.micronaut.core.annotation.Nullable;
import org.opendsr.contracts.access.CareTeamMember;
import org.opendsr.contracts.access.CareTeamRole;
import org.opendsr.kit.security.DsrRoles;

/**
 * Who may see and change a person's records: Caldicott principle 4 (access on a strict need-to-know basis) and UK
 * GDPR Article 5(1)(f). One policy for every service; each applies it to the care team it holds.
 *
 * <ul>
 *   <li>A DSR lead sees everyone.</li>
 *   <li>A DSR team member sees the people of the areas they work in, and people who belong to no area yet (not yet
 *       placed, or moved out of the ICB), whom some team must pick up.</li>
 *   <li>A professional (or a DSR team member outside their area) sees a person only while in their care team: a
 *       referrer while the referral is in hand, the responsible professional, a key professional the DSR team
 *       confirmed. A break-glass membership gives a time-limited read, never a change.</li>
 *   <li>Analysts (aggregates only), admins and agency systems (submit only) see no one through the API. An agency
 *       recorded as providing care is in the team for the agency's own updates, not for reading.</li>
 * </ul>
 * Identities are the token's {@code sub} only: never an e-mail, which is only as good as the provider's check of it.
 */
public final class NeedToKnow {

    private static final Set<CareTeamRole> CARING = Set.of(CareTeamRole.REFERRER,
            CareTeamRole.RESPONSIBLE_PROFESSIONAL, CareTeamRole.KEY_PROFESSIONAL);

    private NeedToKnow() {
    }

    public static PersonAccess of(Caller caller, CareTeam team, Instant now) {
        PersonAccess asDsr = asTheDsr(caller, team);
        if (asDsr != PersonAccess.NONE) {
            return asDsr;
        }
        if (!caller.hasRole(DsrRoles.DSR_TEAM) && !caller.hasRole(DsrRoles.PROFESSIONAL)) {
            return PersonAccess.NONE;
        }
        return team.membershipOf(caller.userId(), now).map(NeedToKnow::accessOf).orElse(PersonAccess.NONE);
    }

    /**
     * Whether the caller works what belongs to an area as the DSR (an item kept by area, not by person): a lead every
     * area; a DSR team member their own areas, and what is no area's ({@link CareTeam#isNoArea}). Roles are the
     * caller's to have checked: this is the area rule only.
     */
    public static boolean worksTheArea(Caller caller, @Nullable String area) {
        return caller.hasRole(DsrRoles.DSR_LEAD) || CareTeam.isNoArea(area) || caller.areas().contains(area);
    }

    /** LEAD, AREA_TEAM, or NONE when the caller's DSR role alone does not reach the person. */
    private static PersonAccess asTheDsr(Caller caller, CareTeam team) {
        if (caller.hasRole(DsrRoles.DSR_LEAD)) {
            return PersonAccess.LEAD;
        }
        if (caller.hasRole(DsrRoles.DSR_TEAM) && worksTheArea(caller, team.area())) {
            return PersonAccess.AREA_TEAM;
        }
        return PersonAccess.NONE;
    }

    private static PersonAccess accessOf(CareTeamMember membership) {
        if (CARING.contains(membership.role())) {
            return PersonAccess.CARE_TEAM;
        }
        return membership.role() == CareTeamRole.BREAK_GLASS ? PersonAccess.BREAK_GLASS : PersonAccess.NONE;
    }

    /** Who may declare a break-glass read: those whose work could bring an emergency (leads already see everyone). */
    public static boolean mayBreakGlass(Caller caller) {
        return !caller.hasRole(DsrRoles.DSR_LEAD)
                && (caller.hasRole(DsrRoles.PROFESSIONAL) || caller.hasRole(DsrRoles.DSR_TEAM));
    }

    /**
     * Who may confirm or end memberships of a person's care team: the DSR team of the person's area and leads,
     * never a member for themselves (the caller of a confirmation is checked against the requester elsewhere).
     */
    public static boolean mayManageCareTeam(Caller caller, CareTeam team) {
        return asTheDsr(caller, team) != PersonAccess.NONE;
    }
}
