package org.opendsr.referral.moves.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.opendsr.kit.rules.RuleBroken;
import org.opendsr.referral.moves.domain.MoveOutOfArea.Outcome;
import org.opendsr.referral.moves.domain.MoveOutOfArea.StayingReason;

/**
 * Someone on the register who moved out of the ICB's area waits for the DSR team of the area they left: transferred
 * (to which area or ICB), removed from the register (through the register's own removal first), or staying.
 */
class MoveOutOfAreaTest {

    private static final Instant MOVED = Instant.parse("2026-11-01T00:00:00Z");
    private static final Instant NOW = Instant.parse("2026-11-20T16:00:00Z");
    private static final String TEAM = "swindon.team@bsw-icb.example";

    private static MoveOutOfArea open() {
        return MoveOutOfArea.noticed(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "SWINDON", MOVED, NOW);
    }

    private static RuleBroken refusal(Runnable attempt) {
        try {
            attempt.run();
        } catch (RuleBroken refused) {
            return refused;
        }
        throw new AssertionError("not refused");
    }

    @Test
    void onlyAMoveFromOneOfTheIcbsLocalitiesToOutOfAreaIsAMoveOutOfArea() {
        assertThat(MoveOutOfArea.isMoveOutOfArea("SWINDON", "OUT_OF_AREA", "OUT_OF_AREA")).isTrue();
        assertThat(MoveOutOfArea.isMoveOutOfArea("SWINDON", "WILTSHIRE", "OUT_OF_AREA")).as("within the ICB").isFalse();
        assertThat(MoveOutOfArea.isMoveOutOfArea("OUT_OF_AREA", "OUT_OF_AREA", "OUT_OF_AREA"))
                .as("already out of area").isFalse();
        assertThat(MoveOutOfArea.isMoveOutOfArea(null, "OUT_OF_AREA", "OUT_OF_AREA")).as("no address before").isFalse();
        assertThat(MoveOutOfArea.isMoveOutOfArea("OUT_OF_AREA", "SWINDON", "OUT_OF_AREA")).as("moving in").isFalse();
    }

    @Test
    void aTransferNamesTheAreaOrIcbByCode() {
        MoveOutOfArea transferred = open().resolve(Outcome.TRANSFERRED, " QOX ", null, true, TEAM, NOW);

        assertThat(transferred.isOpen()).isFalse();
        assertThat(transferred.resolution().transferredTo()).isEqualTo("QOX");
        assertThat(refusal(() -> open().resolve(Outcome.TRANSFERRED, null, null, true, TEAM, NOW)).field())
                .isEqualTo("transferredTo");
        assertThat(refusal(() -> open().resolve(Outcome.TRANSFERRED, "Somewhere in Kent", null, true, TEAM, NOW))
                .field()).isEqualTo("transferredTo");
    }

    @Test
    void removalFromTheRegisterGoesThroughTheRegistersOwnRemovalFirst() {
        RuleBroken stillOn = refusal(() -> open().resolve(Outcome.REMOVED_FROM_REGISTER, null, null, true, TEAM, NOW));

        MoveOutOfArea removed = open().resolve(Outcome.REMOVED_FROM_REGISTER, null, null, false, TEAM, NOW);

        assertThat(stillOn.kind()).isEqualTo(RuleBroken.Kind.CONFLICT);
        assertThat(stillOn.problem()).isEqualTo("still-on-register");
        assertThat(removed.resolution().outcome()).isEqualTo(Outcome.REMOVED_FROM_REGISTER);
    }

    @Test
    void stayingNeedsAReasonAndSomeoneStillOnTheRegister() {
        MoveOutOfArea staying = open().resolve(Outcome.STAYING, null, StayingReason.PLACEMENT_OUT_OF_AREA, true, TEAM,
                NOW);

        assertThat(staying.resolution().stayingReason()).isEqualTo(StayingReason.PLACEMENT_OUT_OF_AREA);
        assertThat(refusal(() -> open().resolve(Outcome.STAYING, null, null, true, TEAM, NOW)).field())
                .isEqualTo("stayingReason");
        assertThat(refusal(() -> open().resolve(Outcome.STAYING, null, StayingReason.TEMPORARY_MOVE, false, TEAM, NOW))
                .problem()).isEqualTo("no-longer-on-register");
    }

    @Test
    void eachOutcomeCarriesOnlyWhatItNeeds() {
        assertThat(refusal(() -> open().resolve(Outcome.STAYING, "QOX", StayingReason.TEMPORARY_MOVE, true, TEAM, NOW))
                .field()).isEqualTo("transferredTo");
        assertThat(refusal(() -> open().resolve(Outcome.TRANSFERRED, "QOX", StayingReason.TEMPORARY_MOVE, true, TEAM,
                NOW)).field()).isEqualTo("stayingReason");
        assertThat(refusal(() -> open().resolve(null, null, null, true, TEAM, NOW)).field()).isEqualTo("outcome");
    }

    @Test
    void theSameResolutionAgainChangesNothingAndAnotherIsRefused() {
        MoveOutOfArea transferred = open().resolve(Outcome.TRANSFERRED, "QOX", null, true, TEAM, NOW);

        MoveOutOfArea again = transferred.resolve(Outcome.TRANSFERRED, "QOX", null, false, "lead@example", NOW);
        RuleBroken other = refusal(() -> transferred.resolve(Outcome.TRANSFERRED, "QKS", null, true, TEAM, NOW));

        assertThat(again).isSameAs(transferred);
        assertThat(other.problem()).isEqualTo("move-out-of-area-resolved");
    }
}
