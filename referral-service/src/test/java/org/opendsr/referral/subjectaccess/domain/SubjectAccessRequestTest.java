package org.opendsr.referral.subjectaccess.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.opendsr.kit.rules.RuleBroken;
import org.opendsr.referral.subjectaccess.domain.SubjectAccessRequest.Progress;
import org.opendsr.referral.subjectaccess.domain.SubjectAccessRequest.State;

class SubjectAccessRequestTest {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 5);
    static final Instant NOW = Instant.parse("2026-12-05T10:00:00Z");

    private static SubjectAccessRequest receivedOn(LocalDate day) {
        return SubjectAccessRequest.received(UUID.randomUUID(), day, RequestedBy.THE_PERSON, null, "dsr-lead-1", NOW,
                TODAY);
    }

    @Test
    void aRequestIsOpenAndDueAMonthAfterReceipt() {
        SubjectAccessRequest request = receivedOn(LocalDate.of(2026, 10, 31));

        assertThat(request.state()).isEqualTo(State.OPEN);
        assertThat(request.dueOn()).isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(request.overdue(TODAY)).isTrue();
        assertThat(request.pending()).containsExactlyElementsOf(SubjectAccessRequest.CONTRIBUTORS);
    }

    @Test
    void aRequestCannotBeReceivedTomorrow() {
        assertThatThrownBy(() -> receivedOn(TODAY.plusDays(1))).isInstanceOf(RuleBroken.class)
                .hasMessageContaining("after today");
    }

    @Test
    void anExtensionNeedsAReasonAndMovesTheDueDate() {
        SubjectAccessRequest request = receivedOn(LocalDate.of(2026, 11, 20));

        assertThatThrownBy(() -> request.extended(2, " ")).isInstanceOf(RuleBroken.class);
        assertThatThrownBy(() -> request.extended(3, "complex")).isInstanceOf(RuleBroken.class);
        SubjectAccessRequest extended = request.extended(2, "records held across many agencies");

        assertThat(extended.dueOn()).isEqualTo(LocalDate.of(2027, 2, 20));
        assertThatThrownBy(() -> extended.extended(1, "shorter")).isInstanceOf(RuleBroken.class);
    }

    @Test
    void exportedOnceEveryServiceHasContributedThenSent() {
        SubjectAccessRequest request = receivedOn(LocalDate.of(2026, 11, 20));
        for (String service : SubjectAccessRequest.CONTRIBUTORS.subList(0, 3)) {
            request = request.progressed(service, Progress.CONTRIBUTED, NOW);
        }
        assertThat(request.state()).isEqualTo(State.OPEN);
        assertThat(request.pending()).containsExactly("meeting-service");
        SubjectAccessRequest incomplete = request;
        assertThatThrownBy(() -> incomplete.sent(TODAY, TODAY)).isInstanceOf(RuleBroken.class)
                .hasMessageContaining("meeting-service");

        request = request.progressed("meeting-service", Progress.CONTRIBUTED, NOW);
        assertThat(request.state()).isEqualTo(State.EXPORTED);
        request = request.progressed("meeting-service", Progress.PENDING, NOW);
        assertThat(request.state()).isEqualTo(State.OPEN);
        request = request.progressed("meeting-service", Progress.CONTRIBUTED, NOW).sent(TODAY, TODAY);

        assertThat(request.state()).isEqualTo(State.SENT);
        assertThat(request.overdue(TODAY.plusYears(1))).isFalse();
    }

    @Test
    void onlyTheServicesThatHoldPeopleContribute() {
        assertThatThrownBy(() -> receivedOn(TODAY).progressed("reporting-service", Progress.CONTRIBUTED, NOW))
                .isInstanceOf(RuleBroken.class).hasMessageContaining("service");
    }
}
