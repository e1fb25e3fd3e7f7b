package org.opendsr.risk.obligations.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.opendsr.contracts.common.RagRating;
import org.opendsr.contracts.risk.ObligationKind;

/** Issue 16: after two records of one person are merged, one open obligation of a kind, the one due sooner. */
class MergedObligationsTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-11-25");
    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private static final UUID DUPLICATE = UUID.randomUUID();
    private static final UUID SURVIVOR = UUID.randomUUID();

    private static Obligation due(UUID personId, ObligationKind kind, LocalDate dueOn) {
        return Obligation.open(personId, kind, TODAY.minusDays(10), dueOn, NOW.minusSeconds(864_000),
                TODAY.minusDays(10), OpeningCause.DECIDED, RagRating.RED);
    }

    @Test
    void theObligationOfAKindDueLaterIsClosedAsNotNeededSayingWhy() {
        Obligation duplicates = due(DUPLICATE, ObligationKind.COMMUNITY_CTR, TODAY.plusDays(20));
        Obligation survivors = due(SURVIVOR, ObligationKind.COMMUNITY_CTR, TODAY.plusDays(40));

        List<ObligationChange> changes = MergedObligations.closeHeldTwice(List.of(duplicates), List.of(survivors),
                TODAY, NOW, "risk-service:person-merge");

        assertThat(changes).extracting(ObligationChange::obligation).containsExactly(survivors);
        assertThat(survivors.status()).isEqualTo(ObligationStatus.NOT_NEEDED);
        assertThat(survivors.notNeededReason()).contains(MergedObligations.REASON);
        assertThat(duplicates.isOpen()).isTrue();
    }

    @Test
    void onTheSameDueDayTheSurvivorsStands() {
        Obligation duplicates = due(DUPLICATE, ObligationKind.MULTI_AGENCY_REVIEW, TODAY.plusDays(30));
        Obligation survivors = due(SURVIVOR, ObligationKind.MULTI_AGENCY_REVIEW, TODAY.plusDays(30));

        MergedObligations.closeHeldTwice(List.of(duplicates), List.of(survivors), TODAY, NOW, "system");

        assertThat(duplicates.status()).isEqualTo(ObligationStatus.NOT_NEEDED);
        assertThat(survivors.isOpen()).isTrue();
    }

    @Test
    void obligationsOfDifferentKindsOrAlreadyClosedAreLeftAlone() {
        Obligation duplicates = due(DUPLICATE, ObligationKind.COMMUNITY_CTR, TODAY.plusDays(20));
        Obligation survivors = due(SURVIVOR, ObligationKind.MULTI_AGENCY_REVIEW, TODAY.plusDays(10));
        Obligation closed = due(SURVIVOR, ObligationKind.COMMUNITY_CTR, TODAY.plusDays(5));
        closed.notNeeded("Discharged to a family home", TODAY, NOW, "dsr-team");

        assertThat(MergedObligations.closeHeldTwice(List.of(duplicates), List.of(survivors, closed), TODAY, NOW,
                "system")).isEmpty();
        assertThat(duplicates.isOpen()).isTrue();
    }
}
