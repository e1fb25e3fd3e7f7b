package org.opendsr.referral.careteam.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.opendsr.contracts.access.CareTeamRole;
import org.opendsr.contracts.referral.ReferralRoute;

/**
 * Who is in a person's care team because of their record (issue 11): a professional referrer from the DSR team's
 * first contact while the referral is in hand, and the responsible professional while the open entry names them.
 * (These rules replace the old referral-service NeedToKnow, which let a referral grant access at once.)
 */
class CareTeamPolicyTest {

    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    private static final UUID PERSON = UUID.randomUUID();
    private static final UUID REFERRAL = UUID.randomUUID();
    private static final UUID ENTRY = UUID.randomUUID();

    private final List<Membership> team = new ArrayList<>();

    private static CareFacts.ReferralFact referral(boolean contacted, boolean inHand, String closedAs) {
        return new CareFacts.ReferralFact(REFERRAL, ReferralRoute.PROFESSIONAL, "gp-1", contacted, inHand, closedAs);
    }

    private CareTeamPolicy.Changes follow(CareFacts facts) {
        CareTeamPolicy.Changes changes = CareTeamPolicy.follow(PERSON, facts, team, NOW, "dsr-team-1");
        changes.ended().forEach(ended -> team.removeIf(m -> m.id().equals(ended.id())));
        team.addAll(changes.ended());
        team.addAll(changes.started());
        return changes;
    }

    private static CareFacts referralOnly(CareFacts.ReferralFact fact) {
        return new CareFacts(List.of(fact), null, null);
    }

    @Test
    void aReferralBeforeFirstContactGivesItsAuthorNothing() {
        assertThat(follow(referralOnly(referral(false, true, null))).isEmpty()).isTrue();
    }

    @Test
    void theReferrerJoinsWhenTheDsrTeamMakesFirstContact() {
        CareTeamPolicy.Changes changes = follow(referralOnly(referral(true, true, null)));

        assertThat(changes.started()).singleElement().satisfies(m -> {
            assertThat(m.role()).isEqualTo(CareTeamRole.REFERRER);
            assertThat(m.subject()).isEqualTo("gp-1");
            assertThat(m.referralId()).isEqualTo(REFERRAL);
            assertThat(m.startedBy()).isEqualTo("dsr-team-1");
        });
        assertThat(follow(referralOnly(referral(true, true, null))).isEmpty()).as("once only").isTrue();
    }

    @Test
    void theReferrerLeavesWhenTheReferralIsWithdrawnOrDeclined() {
        follow(referralOnly(referral(true, true, null)));

        CareTeamPolicy.Changes withdrawn = follow(referralOnly(referral(true, false, "WITHDRAWN")));

        assertThat(withdrawn.ended()).singleElement().satisfies(m -> {
            assertThat(m.endReason()).isEqualTo("REFERRAL_WITHDRAWN");
            assertThat(m.inForce(NOW)).isFalse();
        });
    }

    @Test
    void theReferrerLeavesWhenTheRegisterEntryTheirReferralOpenedCloses() {
        follow(new CareFacts(List.of(referral(true, true, null)), ENTRY, "gp-1"));

        CareTeamPolicy.Changes closed = follow(new CareFacts(List.of(referral(true, false, "ACCEPTED")), null, null));

        assertThat(closed.ended()).extracting(Membership::endReason)
                .containsExactlyInAnyOrder("LEFT_THE_REGISTER", "LEFT_THE_REGISTER");
    }

    @Test
    void selfFamilyAndAgencyReferralsHaveNoProfessionalReferrerToAdd() {
        for (ReferralRoute route : List.of(ReferralRoute.SELF_OR_FAMILY, ReferralRoute.AGENCY_SYSTEM)) {
            CareFacts facts = referralOnly(new CareFacts.ReferralFact(REFERRAL, route, "someone", true, true, null));
            assertThat(follow(facts).isEmpty()).isTrue();
        }
    }

    @Test
    void theResponsibleProfessionalIsInTheTeamWhileTheOpenEntryNamesThem() {
        CareTeamPolicy.Changes allocated = follow(new CareFacts(List.of(), ENTRY, "cldt-nurse"));
        assertThat(allocated.started()).singleElement().satisfies(m -> {
            assertThat(m.role()).isEqualTo(CareTeamRole.RESPONSIBLE_PROFESSIONAL);
            assertThat(m.registerEntryId()).isEqualTo(ENTRY);
        });

        CareTeamPolicy.Changes reallocated = follow(new CareFacts(List.of(), ENTRY, "another-nurse"));
        assertThat(reallocated.ended()).singleElement()
                .satisfies(m -> assertThat(m.endReason()).isEqualTo("NO_LONGER_RESPONSIBLE"));
        assertThat(reallocated.started()).singleElement()
                .satisfies(m -> assertThat(m.subject()).isEqualTo("another-nurse"));

        CareTeamPolicy.Changes discharged = follow(new CareFacts(List.of(), ENTRY, null));
        assertThat(discharged.ended()).singleElement()
                .satisfies(m -> assertThat(m.subject()).isEqualTo("another-nurse"));
        assertThat(discharged.started()).isEmpty();
    }

    @Test
    void confirmedKeyProfessionalsAndProvidingAgenciesStayWhileTheDsrHasThePersonAndLeaveWithThem() {
        team.add(Membership.start(PERSON, "key-1", CareTeamRole.KEY_PROFESSIONAL, "confirmed", null, null, NOW,
                "dsr-team-1", null));
        team.add(Membership.start(PERSON, "wiltshire-council", CareTeamRole.PROVIDING_AGENCY, "recorded", null, null,
                NOW, "dsr-team-1", null));

        assertThat(follow(new CareFacts(List.of(), ENTRY, null)).ended()).as("on the register").isEmpty();
        assertThat(follow(referralOnly(referral(true, true, null))).ended()).as("a referral in hand").isEmpty();

        CareTeamPolicy.Changes left = follow(referralOnly(referral(true, false, "DECLINED")));
        assertThat(left.ended()).extracting(Membership::role)
                .contains(CareTeamRole.KEY_PROFESSIONAL, CareTeamRole.PROVIDING_AGENCY);
        assertThat(left.ended()).filteredOn(m -> m.role() != CareTeamRole.REFERRER)
                .allSatisfy(m -> assertThat(m.isEnded()).isTrue());
    }
}
