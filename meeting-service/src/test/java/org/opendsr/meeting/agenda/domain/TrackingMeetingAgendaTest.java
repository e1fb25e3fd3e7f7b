package org.opendsr.meeting.agenda.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opendsr.meeting.agenda.domain.AgendaExamples.at;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.opendsr.kit.rules.RuleBroken;

/** An agenda may change until its meeting is held, keeping what the DSR team added by hand; then it is frozen. */
class TrackingMeetingAgendaTest {

    private final UUID meeting = UUID.randomUUID();
    private final UUID red = UUID.randomUUID();
    private final UUID blue = UUID.randomUUID();
    private final UUID someoneElse = UUID.randomUUID();
    private final AgendaItem redItem = new AgendaItem(red, List.of(new ItemReason(AgendaReason.RED, "Rated RED")));
    private final AgendaItem blueItem = new AgendaItem(blue, List.of(new ItemReason(AgendaReason.BLUE, "Rated BLUE")));

    @Test
    void assembledAtTheCutOffItIsADraft() {
        TrackingMeetingAgenda agenda = TrackingMeetingAgenda.notYetAssembled(meeting);
        assertThat(agenda.status()).isEqualTo(AgendaStatus.NOT_YET_ASSEMBLED);

        agenda.assemble(List.of(redItem), at("2026-12-08"));

        assertThat(agenda.status()).isEqualTo(AgendaStatus.DRAFT);
        assertThat(agenda.assembledAt()).isEqualTo(at("2026-12-08"));
        assertThat(agenda.items()).containsExactly(redItem);
    }

    @Test
    void assemblingAgainReplacesWhatTheRegisterSaidAndKeepsWhatWasAddedByHand() {
        TrackingMeetingAgenda agenda = TrackingMeetingAgenda.notYetAssembled(meeting);
        agenda.assemble(List.of(redItem), at("2026-12-08"));
        agenda.addByHand(someoneElse, "Housing placement at risk", "dsr-team-1", at("2026-12-08"));

        agenda.assemble(List.of(blueItem), at("2026-12-09"));

        assertThat(agenda.items()).extracting(AgendaItem::personId).containsExactly(blue, someoneElse);
        assertThat(agenda.items().get(1).reasons()).containsExactly(new ItemReason(AgendaReason.ADDED_BY_HAND,
                "Added by the DSR team: Housing placement at risk"));
    }

    @Test
    void addedByHandBeforeTheCutOffWaitsForTheAssembly() {
        TrackingMeetingAgenda agenda = TrackingMeetingAgenda.notYetAssembled(meeting);
        agenda.addByHand(red, "Family asked for it", "dsr-team-1", at("2026-12-01"));
        assertThat(agenda.status()).isEqualTo(AgendaStatus.NOT_YET_ASSEMBLED);

        agenda.assemble(List.of(blueItem, redItem), at("2026-12-08"));

        assertThat(agenda.items()).hasSize(2);
        assertThat(agenda.items().get(1).reasons()).extracting(ItemReason::code)
                .containsExactly(AgendaReason.RED, AgendaReason.ADDED_BY_HAND);
    }

    @Test
    void aPersonIsAddedByHandOnce() {
        TrackingMeetingAgenda agenda = TrackingMeetingAgenda.notYetAssembled(meeting);
        agenda.addByHand(red, "Family asked for it", "dsr-team-1", at("2026-12-01"));

        assertThatThrownBy(() -> agenda.addByHand(red, "Again", "dsr-lead-1", at("2026-12-02")))
                .isInstanceOfSatisfying(RuleBroken.class, refused -> {
                    assertThat(refused.kind()).isEqualTo(RuleBroken.Kind.CONFLICT);
                    assertThat(refused.field()).isEqualTo("personId");
                });
    }

    @Test
    void heldItIsFrozenAsItWasAndNothingChangesItAgain() {
        TrackingMeetingAgenda agenda = TrackingMeetingAgenda.notYetAssembled(meeting);
        agenda.assemble(List.of(redItem), at("2026-12-08"));

        agenda.freeze(at("2026-12-10"));

        assertThat(agenda.status()).isEqualTo(AgendaStatus.FROZEN);
        assertThatThrownBy(() -> agenda.assemble(List.of(blueItem), at("2026-12-11")))
                .isInstanceOfSatisfying(RuleBroken.class, refused ->
                        assertThat(refused.problem()).isEqualTo("agenda-frozen"));
        assertThatThrownBy(() -> agenda.addByHand(blue, "Late", "dsr-team-1", at("2026-12-11")))
                .isInstanceOfSatisfying(RuleBroken.class, refused ->
                        assertThat(refused.problem()).isEqualTo("agenda-frozen"));
        assertThat(agenda.items()).containsExactly(redItem);
    }
}
