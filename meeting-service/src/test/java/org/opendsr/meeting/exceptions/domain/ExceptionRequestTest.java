package org.opendsr.meeting.exceptions.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.opendsr.contracts.meeting.ExceptionReason;
import org.opendsr.kit.rules.RuleBroken;

/** A request for a Meeting by Exception: its reason, and a lead scheduling or declining it once. */
class ExceptionRequestTest {

    private static final Instant NOW = Instant.parse("2026-12-02T11:00:00Z");

    private static ExceptionRequest request(ExceptionReason reason, String text) {
        return ExceptionRequest.request(UUID.randomUUID(), UUID.randomUUID(), "SWINDON", reason, text,
                "professional-1", NOW);
    }

    private static void assertInvalid(Runnable action, String field) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(RuleBroken.class, e -> {
            assertThat(e.kind()).isEqualTo(RuleBroken.Kind.INVALID_REQUEST);
            assertThat(e.field()).isEqualTo(field);
        });
    }

    @Test
    void aReasonIsRequiredAndItsTextWhenOther() {
        assertInvalid(() -> request(null, null), "reason");
        assertInvalid(() -> request(ExceptionReason.OTHER, " "), "reasonText");
        assertInvalid(() -> request(ExceptionReason.OTHER, "x".repeat(201)), "reasonText");
        assertInvalid(() -> request(ExceptionReason.OTHER, "call 07700 900123"), "reasonText");

        ExceptionRequest other = request(ExceptionReason.OTHER, " housing and health disagree on the plan ");
        assertThat(other.status()).isEqualTo(ExceptionStatus.REQUESTED);
        assertThat(other.snapshot().reasonText()).isEqualTo("housing and health disagree on the plan");
        assertThat(request(ExceptionReason.NO_KEY_LOCAL_SERVICE, null).snapshot().reasonText()).isNull();
    }

    @Test
    void aLeadSchedulesItOnceAndItCannotThenBeDeclined() {
        ExceptionRequest request = request(ExceptionReason.SERVICES_DISAGREE, null);
        UUID meeting = UUID.randomUUID();

        request.scheduled(meeting, "Civic Centre", "dsr-lead-1", NOW);

        assertThat(request.status()).isEqualTo(ExceptionStatus.SCHEDULED);
        assertThat(request.meetingId()).isEqualTo(meeting);
        assertThatThrownBy(() -> request.decline(DeclineReason.DUPLICATE_REQUEST, "dsr-lead-1", NOW))
                .isInstanceOfSatisfying(RuleBroken.class, e -> assertThat(e.kind()).isEqualTo(RuleBroken.Kind.CONFLICT));
        assertThatThrownBy(() -> request.scheduled(UUID.randomUUID(), null, "dsr-lead-1", NOW))
                .isInstanceOf(RuleBroken.class);
    }

    @Test
    void aDeclinedRequestHasItsReasonAndIsNeverScheduled() {
        ExceptionRequest request = request(ExceptionReason.NO_KEY_LOCAL_SERVICE, null);

        assertInvalid(() -> request.decline(null, "dsr-lead-1", NOW), "reason");
        request.decline(DeclineReason.TRACKING_MEETING_SUFFICIENT, "dsr-lead-1", NOW);

        assertThat(request.status()).isEqualTo(ExceptionStatus.DECLINED);
        assertThat(request.snapshot().declineReason()).isEqualTo(DeclineReason.TRACKING_MEETING_SUFFICIENT);
        assertThatThrownBy(() -> request.scheduled(UUID.randomUUID(), null, "dsr-lead-1", NOW))
                .isInstanceOf(RuleBroken.class);
        assertThatThrownBy(() -> request.movedTo(null)).isInstanceOf(RuleBroken.class);
    }
}
