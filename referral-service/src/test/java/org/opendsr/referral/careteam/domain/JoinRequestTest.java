package org.opendsr.referral.careteam.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.opendsr.contracts.access.CareTeamRole;
import org.opendsr.kit.rules.RuleBroken;

/** A request to join a care team is never access: the DSR team decides it, and never for themselves. */
class JoinRequestTest {

    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    private final JoinRequest request = JoinRequest.asked(UUID.randomUUID(), "gp-1", "gp-1", null, NOW);

    @Test
    void confirmingStartsAKeyProfessionalMembershipFromThen() {
        JoinRequest.Confirmed confirmed = request.confirm("dsr-team-1", NOW);

        assertThat(confirmed.request().decision()).isEqualTo(JoinRequest.CONFIRMED);
        assertThat(confirmed.membership().role()).isEqualTo(CareTeamRole.KEY_PROFESSIONAL);
        assertThat(confirmed.membership().subject()).isEqualTo("gp-1");
        assertThat(confirmed.membership().inForce(NOW)).isTrue();
        assertThat(confirmed.request().membershipId()).isEqualTo(confirmed.membership().id());
    }

    @Test
    void nobodyConfirmsARequestNamingThemOrMadeByThem() {
        JoinRequest madeForSomeoneElse = JoinRequest.asked(UUID.randomUUID(), "gp-2", "dsr-team-1", null, NOW);

        assertThatThrownBy(() -> request.confirm("gp-1", NOW)).isInstanceOf(RuleBroken.class);
        assertThatThrownBy(() -> madeForSomeoneElse.confirm("dsr-team-1", NOW)).isInstanceOf(RuleBroken.class);
        assertThatThrownBy(() -> madeForSomeoneElse.refuse("gp-2", NOW)).isInstanceOf(RuleBroken.class);
    }

    @Test
    void aDecidedRequestIsNotDecidedAgain() {
        JoinRequest refused = request.refuse("dsr-team-1", NOW);

        assertThat(refused.isPending()).isFalse();
        assertThatThrownBy(() -> refused.confirm("dsr-team-2", NOW)).isInstanceOf(RuleBroken.class);
    }

    @Test
    void aBreakGlassMembershipRunsOutByItself() {
        Membership glass = Membership.start(UUID.randomUUID(), "gp-1", CareTeamRole.BREAK_GLASS, "emergency", null,
                null, NOW, "gp-1", NOW.plusSeconds(4 * 3600));

        assertThat(glass.inForce(NOW.plusSeconds(3600))).isTrue();
        assertThat(glass.inForce(NOW.plusSeconds(4 * 3600))).isFalse();
        assertThat(glass.to()).isEqualTo(NOW.plusSeconds(4 * 3600));
    }
}
