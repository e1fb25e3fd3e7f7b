package org.opendsr.referral.keyworker.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.opendsr.kit.rules.RuleBroken;
import org.opendsr.referral.keyworker.domain.KeyworkerSuggestion.Decision;
import org.opendsr.referral.keyworker.domain.KeyworkerSuggestion.NotNeededReason;

/**
 * A keyworker referral suggested for someone under 25 is worked by the DSR team (for the keyworker service) until it
 * has an outcome: referred, declined by the family (their answer recorded), or not needed (with a reason code).
 */
class KeyworkerSuggestionTest {

    private static final Instant SUGGESTED = Instant.parse("2026-11-02T10:00:00Z");
    private static final Instant NOW = Instant.parse("2026-11-20T16:00:00Z");
    private static final String TEAM = "alex.morgan@bsw-icb.example";

    private static KeyworkerSuggestion open() {
        return new KeyworkerSuggestion(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                "UNDER_25_AT_REFERRAL", SUGGESTED, null);
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
    void aSuggestionIsOpenUntilItHasAnOutcome() {
        KeyworkerSuggestion suggestion = open();

        KeyworkerSuggestion referred = suggestion.withOutcome(Decision.REFERRED, null, null, TEAM, NOW);

        assertThat(suggestion.isOpen()).isTrue();
        assertThat(referred.isOpen()).isFalse();
        assertThat(referred.outcome().decision()).isEqualTo(Decision.REFERRED);
        assertThat(referred.outcome().recordedBy()).isEqualTo(TEAM);
        assertThat(referred.outcome().recordedAt()).isEqualTo(NOW);
    }

    @Test
    void aDeclineRecordsTheFamilysAnswerAndNeverPrintsIt() {
        KeyworkerSuggestion declined = open().withOutcome(Decision.DECLINED_BY_FAMILY,
                "  Mum says they have enough people involved for now  ", null, TEAM, NOW);

        assertThat(declined.outcome().familyAnswer()).isEqualTo("Mum says they have enough people involved for now");
        assertThat(declined.toString()).doesNotContain("Mum");
    }

    @Test
    void aDeclineWithoutTheFamilysAnswerIsRefusedNamingTheField() {
        RuleBroken missing = refusal(() -> open().withOutcome(Decision.DECLINED_BY_FAMILY, null, null, TEAM, NOW));
        RuleBroken blank = refusal(() -> open().withOutcome(Decision.DECLINED_BY_FAMILY, "  ", null, TEAM, NOW));

        assertThat(missing.kind()).isEqualTo(RuleBroken.Kind.INVALID_REQUEST);
        assertThat(missing.field()).isEqualTo("familyAnswer");
        assertThat(blank.field()).isEqualTo("familyAnswer");
    }

    @Test
    void notNeededNeedsAReasonCode() {
        RuleBroken missing = refusal(() -> open().withOutcome(Decision.NOT_NEEDED, null, null, TEAM, NOW));

        KeyworkerSuggestion notNeeded = open().withOutcome(Decision.NOT_NEEDED, null,
                NotNeededReason.ALREADY_HAS_KEYWORKER, TEAM, NOW);

        assertThat(missing.field()).isEqualTo("notNeededReason");
        assertThat(notNeeded.outcome().notNeededReason()).isEqualTo(NotNeededReason.ALREADY_HAS_KEYWORKER);
    }

    @Test
    void eachOutcomeCarriesOnlyWhatItNeeds() {
        assertThat(refusal(() -> open().withOutcome(Decision.REFERRED, "They said yes", null, TEAM, NOW)).field())
                .isEqualTo("familyAnswer");
        assertThat(refusal(() -> open().withOutcome(Decision.REFERRED, null, NotNeededReason.ALREADY_REFERRED, TEAM,
                NOW)).field()).isEqualTo("notNeededReason");
        assertThat(refusal(() -> open().withOutcome(Decision.DECLINED_BY_FAMILY, "No thank you",
                NotNeededReason.ALREADY_REFERRED, TEAM, NOW)).field()).isEqualTo("notNeededReason");
        assertThat(refusal(() -> open().withOutcome(null, null, null, TEAM, NOW)).field()).isEqualTo("outcome");
    }

    @Test
    void theSameOutcomeAgainChangesNothingAndAnotherIsRefused() {
        KeyworkerSuggestion referred = open().withOutcome(Decision.REFERRED, null, null, TEAM, NOW);

        KeyworkerSuggestion again = referred.withOutcome(Decision.REFERRED, null, null, "someone.else@example",
                NOW.plusSeconds(60));
        RuleBroken other = refusal(() -> referred.withOutcome(Decision.NOT_NEEDED, null,
                NotNeededReason.ALREADY_REFERRED, TEAM, NOW));

        assertThat(again).isSameAs(referred);
        assertThat(again.outcome().recordedBy()).isEqualTo(TEAM);
        assertThat(other.kind()).isEqualTo(RuleBroken.Kind.CONFLICT);
        assertThat(other.problem()).isEqualTo("keyworker-suggestion-outcome-recorded");
    }
}
