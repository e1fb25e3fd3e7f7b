package org.opendsr.kit.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.opendsr.contracts.access.CareTeamMember;
import org.opendsr.contracts.access.CareTeamRole;
import org.opendsr.kit.security.DsrRoles;

/** The need-to-know policy, read as the policy: who sees a person in Swindon whose care team is known. */
class NeedToKnowTest {

    private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");
    private static final UUID PERSON = UUID.randomUUID();

    private static CareTeamMember member(String subject, CareTeamRole role, Instant from, Instant to) {
        return new CareTeamMember(UUID.randomUUID(), subject, role, from, to);
    }

    private static CareTeam inSwindonWith(CareTeamMember... members) {
        return new CareTeam(PERSON, "SWINDON", List.of(members));
    }

    private static Caller professional(String subject) {
        return new Caller(subject, Set.of(DsrRoles.PROFESSIONAL), null, null, null);
    }

    private static Caller dsrTeam(String subject, String... areas) {
        return new Caller(subject, Set.of(DsrRoles.DSR_TEAM), Set.of(areas), null, null, null, null);
    }

    private static Caller only(String role) {
        return new Caller("someone", Set.of(role), Set.of("SWINDON"), "wiltshire-council", null, null, null);
    }

    private static final Instant LAST_WEEK = NOW.minus(Duration.ofDays(7));

    @Test
    void aLeadSeesEveryoneInEveryArea() {
        Caller lead = new Caller("lead", Set.of(DsrRoles.DSR_LEAD, DsrRoles.DSR_TEAM), null, null, null);
        assertThat(NeedToKnow.of(lead, inSwindonWith(), NOW)).isEqualTo(PersonAccess.LEAD);
        assertThat(NeedToKnow.of(lead, new CareTeam(PERSON, "WILTSHIRE", List.of()), NOW)).isEqualTo(PersonAccess.LEAD);
    }

    @Test
    void theDsrTeamSeesThePeopleOfItsOwnAreasOnly() {
        assertThat(NeedToKnow.of(dsrTeam("t1", "SWINDON"), inSwindonWith(), NOW)).isEqualTo(PersonAccess.AREA_TEAM);
        assertThat(NeedToKnow.of(dsrTeam("t2", "WILTSHIRE"), inSwindonWith(), NOW)).isEqualTo(PersonAccess.NONE);
        assertThat(NeedToKnow.of(dsrTeam("t3"), inSwindonWith(), NOW)).isEqualTo(PersonAccess.NONE);
    }

    @Test
    void peopleNotYetPlacedOrMovedOutOfTheIcbAreSeenByEveryAreasTeamSoThatSomeonePicksThemUp() {
        assertThat(NeedToKnow.of(dsrTeam("t2", "WILTSHIRE"), new CareTeam(PERSON, null, List.of()), NOW))
                .isEqualTo(PersonAccess.AREA_TEAM);
        assertThat(NeedToKnow.of(dsrTeam("t2", "WILTSHIRE"), new CareTeam(PERSON, CareTeam.OUT_OF_AREA, List.of()), NOW))
                .isEqualTo(PersonAccess.AREA_TEAM);
        assertThat(NeedToKnow.of(dsrTeam("t2", "WILTSHIRE"), CareTeam.unknown(PERSON), NOW))
                .isEqualTo(PersonAccess.AREA_TEAM);
        assertThat(NeedToKnow.of(professional("p1"), CareTeam.unknown(PERSON), NOW)).isEqualTo(PersonAccess.NONE);
    }

    @Test
    void aProfessionalSeesAPersonOnlyWhileInTheirCareTeam() {
        for (CareTeamRole caring : List.of(CareTeamRole.REFERRER, CareTeamRole.RESPONSIBLE_PROFESSIONAL,
                CareTeamRole.KEY_PROFESSIONAL)) {
            CareTeam team = inSwindonWith(member("p1", caring, LAST_WEEK, null));
            assertThat(NeedToKnow.of(professional("p1"), team, NOW)).as(caring.name()).isEqualTo(PersonAccess.CARE_TEAM);
            assertThat(NeedToKnow.of(professional("p2"), team, NOW)).as(caring.name()).isEqualTo(PersonAccess.NONE);
        }
    }

    @Test
    void aMembershipThatEndedOrHasNotStartedGivesNothing() {
        CareTeam ended = inSwindonWith(member("p1", CareTeamRole.REFERRER, LAST_WEEK, NOW));
        CareTeam notYet = inSwindonWith(member("p1", CareTeamRole.KEY_PROFESSIONAL, NOW.plusSeconds(1), null));
        assertThat(NeedToKnow.of(professional("p1"), ended, NOW)).isEqualTo(PersonAccess.NONE);
        assertThat(NeedToKnow.of(professional("p1"), notYet, NOW)).isEqualTo(PersonAccess.NONE);
    }

    @Test
    void breakGlassIsATimeLimitedReadNeverAChange() {
        CareTeam team = inSwindonWith(member("p1", CareTeamRole.BREAK_GLASS, LAST_WEEK, NOW.plusSeconds(3600)));
        PersonAccess access = NeedToKnow.of(professional("p1"), team, NOW);
        assertThat(access).isEqualTo(PersonAccess.BREAK_GLASS);
        assertThat(access.mayRead()).isTrue();
        assertThat(access.mayChange()).isFalse();
        assertThat(NeedToKnow.of(professional("p1"), team, NOW.plusSeconds(3600))).isEqualTo(PersonAccess.NONE);
    }

    @Test
    void aCaringMembershipOutweighsABreakGlassOneOfTheSameSubject() {
        CareTeam team = inSwindonWith(member("p1", CareTeamRole.BREAK_GLASS, LAST_WEEK, NOW.plusSeconds(60)),
                member("p1", CareTeamRole.RESPONSIBLE_PROFESSIONAL, LAST_WEEK, null));
        assertThat(NeedToKnow.of(professional("p1"), team, NOW)).isEqualTo(PersonAccess.CARE_TEAM);
    }

    @Test
    void aDsrTeamMemberOutsideTheirAreaNeedsACareTeamPlaceLikeAnyProfessional() {
        CareTeam team = inSwindonWith(member("t2", CareTeamRole.KEY_PROFESSIONAL, LAST_WEEK, null));
        assertThat(NeedToKnow.of(dsrTeam("t2", "WILTSHIRE"), team, NOW)).isEqualTo(PersonAccess.CARE_TEAM);
    }

    @Test
    void analystsAdminsAndAgencySystemsSeeNoOneEvenWhenNamedInTheTeam() {
        for (String role : List.of(DsrRoles.ANALYST, DsrRoles.ADMIN, DsrRoles.AGENCY_SYSTEM)) {
            CareTeam team = inSwindonWith(member("someone", CareTeamRole.KEY_PROFESSIONAL, LAST_WEEK, null),
                    member("wiltshire-council", CareTeamRole.PROVIDING_AGENCY, LAST_WEEK, null));
            assertThat(NeedToKnow.of(only(role), team, NOW)).as(role).isEqualTo(PersonAccess.NONE);
        }
    }

    @Test
    void aProvidingAgencyMembershipGivesAProfessionalNoRead() {
        CareTeam team = inSwindonWith(member("p1", CareTeamRole.PROVIDING_AGENCY, LAST_WEEK, null));
        assertThat(NeedToKnow.of(professional("p1"), team, NOW)).isEqualTo(PersonAccess.NONE);
    }

    @Test
    void onlyTheAreasDsrTeamAndLeadsManageACareTeamAndLeadsNeverNeedToBreakGlass() {
        CareTeam team = inSwindonWith(member("p1", CareTeamRole.RESPONSIBLE_PROFESSIONAL, LAST_WEEK, null));
        assertThat(NeedToKnow.mayManageCareTeam(dsrTeam("t1", "SWINDON"), team)).isTrue();
        assertThat(NeedToKnow.mayManageCareTeam(dsrTeam("t2", "WILTSHIRE"), team)).isFalse();
        assertThat(NeedToKnow.mayManageCareTeam(professional("p1"), team)).isFalse();
        assertThat(NeedToKnow.mayBreakGlass(professional("p2"))).isTrue();
        assertThat(NeedToKnow.mayBreakGlass(dsrTeam("t2", "WILTSHIRE"))).isTrue();
        assertThat(NeedToKnow.mayBreakGlass(new Caller("l", Set.of(DsrRoles.DSR_LEAD), null, null, null))).isFalse();
        assertThat(NeedToKnow.mayBreakGlass(only(DsrRoles.ANALYST))).isFalse();
    }

    @Test
    void anItemKeptByAreaIsItsTeamsOrEveryTeamsWhenNoAreasAndEveryLeads() {
        Caller swindon = dsrTeam("alex", "SWINDON");
        Caller lead = new Caller("jo", Set.of(DsrRoles.DSR_LEAD), null, null, null);

        assertThat(NeedToKnow.worksTheArea(swindon, "SWINDON")).isTrue();
        assertThat(NeedToKnow.worksTheArea(swindon, "WILTSHIRE")).isFalse();
        assertThat(NeedToKnow.worksTheArea(swindon, CareTeam.OUT_OF_AREA)).isTrue();
        assertThat(NeedToKnow.worksTheArea(swindon, null)).isTrue();
        assertThat(NeedToKnow.worksTheArea(lead, "WILTSHIRE")).isTrue();
        assertThat(CareTeam.noAreaOrOneOf("o.area"))
                .isEqualTo("(o.area IS NULL OR o.area = 'OUT_OF_AREA' OR o.area = ANY (?))");
    }
}
