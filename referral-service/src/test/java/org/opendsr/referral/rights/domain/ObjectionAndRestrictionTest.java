package org.opendsr.referral.rights.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.opendsr.kit.rules.RuleBroken;

/** Objections (Article 21) and restriction of processing (Article 18) as the DSR team records them. */
class ObjectionAndRestrictionTest {

    private static final UUID PERSON = UUID.randomUUID();
    private static final Instant NOW = Instant.parse("2026-12-05T10:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 5);

    @Test
    void anObjectionReceivedIsRecordedUndecidedOrDecidedAtOnce() {
        Objection open = Objection.received(PERSON, TODAY.minusDays(2), ObjectionGround.USE_IN_REPORTING, null,
                null, "team", NOW, TODAY);
        Objection decided = Objection.received(PERSON, TODAY, ObjectionGround.SHARING_WITH_AGENCIES, " words ",
                ObjectionDecision.UPHELD, "team", NOW, TODAY);

        assertThat(open.decision()).isNull();
        assertThat(open.decidedBy()).isNull();
        assertThat(decided.decidedBy()).isEqualTo("team");
        assertThat(decided.decidedAt()).isEqualTo(NOW);
        assertThat(decided.details()).isEqualTo("words");
        assertThat(decided.toString()).doesNotContain("words");
    }

    @Test
    void anObjectionIsDecidedOnce() {
        Objection open = Objection.received(PERSON, TODAY, ObjectionGround.CONTACT_FROM_THE_DSR, null, null, "team",
                NOW, TODAY);
        Objection decided = open.decided(ObjectionDecision.NOT_UPHELD, "lead", NOW.plusSeconds(60));

        assertThat(decided.decidedBy()).isEqualTo("lead");
        Throwable again = catchThrowable(() -> decided.decided(ObjectionDecision.UPHELD, "lead", NOW));
        assertThat(((RuleBroken) again).problem()).isEqualTo("objection-already-decided");
    }

    @Test
    void anObjectionFromTheFutureOrToOtherWithoutWordsIsRefusedNamingTheField() {
        Throwable future = catchThrowable(() -> Objection.received(PERSON, TODAY.plusDays(1),
                ObjectionGround.USE_IN_REPORTING, null, null, "team", NOW, TODAY));
        Throwable other = catchThrowable(() -> Objection.received(PERSON, TODAY, ObjectionGround.OTHER, " ", null,
                "team", NOW, TODAY));

        assertThat(((RuleBroken) future).field()).isEqualTo("receivedOn");
        assertThat(((RuleBroken) other).field()).isEqualTo("details");
    }

    @Test
    void restrictingNeedsAReasonLiftingDoesNot() {
        Throwable noReason = catchThrowable(() -> ProcessingRestriction.changed(PERSON, true, "  ", "team", NOW));
        ProcessingRestriction lifted = ProcessingRestriction.changed(PERSON, false, null, "team", NOW);

        assertThat(((RuleBroken) noReason).field()).isEqualTo("reason");
        assertThat(lifted.restricted()).isFalse();
        assertThat(ProcessingRestriction.none(PERSON).restricted()).isFalse();
    }
}
