package org.opendsr.meeting.shared.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.opendsr.contracts.meeting.CancellationReason;
import org.opendsr.contracts.meeting.MeetingKind;
import org.opendsr.kit.rules.RuleBroken;

class MeetingTest {

    private static final Instant TEN = Instant.parse("2026-12-10T10:00:00Z");

    @Test
    void a_tracking_meeting_is_scheduled_with_sequence_zero() {
        Meeting meeting = tracking();
        assertThat(meeting.kind()).isEqualTo(MeetingKind.TRACKING);
        assertThat(meeting.status()).isEqualTo(MeetingStatus.SCHEDULED);
        assertThat(meeting.sequence()).isZero();
    }

    @Test
    void every_change_the_calendars_must_see_raises_the_sequence() {
        Meeting meeting = tracking();
        MeetingChange.Scheduled moved = meeting.reschedule(TEN.plus(Duration.ofDays(1)),
                TEN.plus(Duration.ofDays(1)).plus(Duration.ofHours(2)), "https://meet.example.org/x");
        assertThat(moved.rescheduled()).isTrue();
        assertThat(meeting.sequence()).isEqualTo(1);
        meeting.cancel(CancellationReason.NOT_NEEDED, TEN);
        assertThat(meeting.sequence()).isEqualTo(2);
        assertThat(meeting.status()).isEqualTo(MeetingStatus.CANCELLED);
    }

    @Test
    void a_meeting_is_held_once_it_has_started() {
        Meeting meeting = tracking();
        assertThatThrownBy(() -> meeting.hold(TEN.minusSeconds(60))).isInstanceOf(RuleBroken.class)
                .hasMessageContaining("once it has started");
        meeting.hold(TEN.plusSeconds(60));
        assertThat(meeting.status()).isEqualTo(MeetingStatus.HELD);
        assertThat(meeting.heldAt()).isEqualTo(TEN.plusSeconds(60));
    }

    @Test
    void a_held_meeting_is_never_rescheduled_held_again_or_cancelled() {
        Meeting meeting = tracking();
        meeting.hold(TEN);
        assertThatThrownBy(() -> meeting.hold(TEN)).isInstanceOf(RuleBroken.class);
        assertThatThrownBy(() -> meeting.cancel(CancellationReason.OTHER, TEN)).isInstanceOf(RuleBroken.class);
        assertThatThrownBy(() -> meeting.reschedule(TEN, TEN.plusSeconds(3600), null)).isInstanceOf(RuleBroken.class);
    }

    @Test
    void a_meeting_by_exception_is_about_one_person_and_has_a_chair() {
        UUID person = UUID.randomUUID();
        Meeting meeting = Meeting.exception(UUID.randomUUID(), "SWINDON", person, TEN, TEN.plusSeconds(3600), null,
                "dsr-lead-1").meeting();
        assertThat(meeting.kind()).isEqualTo(MeetingKind.EXCEPTION);
        assertThat(meeting.isAbout(person)).isTrue();
        assertThat(meeting.chairSubject()).isEqualTo("dsr-lead-1");
    }

    @Test
    void a_meeting_ends_after_it_starts() {
        assertThatThrownBy(() -> Meeting.tracking(UUID.randomUUID(), "SWINDON", UUID.randomUUID(), TEN, TEN, null))
                .isInstanceOf(RuleBroken.class).extracting(e -> ((RuleBroken) e).field()).isEqualTo("endsAt");
    }

    private static Meeting tracking() {
        return Meeting.tracking(UUID.randomUUID(), "SWINDON", UUID.randomUUID(), TEN, TEN.plusSeconds(7200),
                "https://meet.example.org/dsr").meeting();
    }
}
