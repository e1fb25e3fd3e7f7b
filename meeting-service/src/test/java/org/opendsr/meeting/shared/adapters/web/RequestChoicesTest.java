package org.opendsr.meeting.shared.adapters.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.opendsr.kit.rules.RuleBroken;

class RequestChoicesTest {

    @Test
    void aChoiceIsReadWhateverItsCase() {
        assertThat(RequestChoices.one(DayOfWeek.class, "dayOfWeek", " thursday ")).isEqualTo(DayOfWeek.THURSDAY);
        assertThat(RequestChoices.optional(DayOfWeek.class, "dayOfWeek", "Friday")).isEqualTo(DayOfWeek.FRIDAY);
        assertThat(RequestChoices.optional(DayOfWeek.class, "dayOfWeek", null)).isNull();
        assertThat(RequestChoices.several(DayOfWeek.class, "days", "monday, TUESDAY")).isEqualTo(
                Set.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY));
        assertThat(RequestChoices.several(DayOfWeek.class, "days", null)).isEmpty();
    }

    @Test
    void anythingElseIsRefusedNamingTheFieldAndListingTheChoices() {
        assertThatThrownBy(() -> RequestChoices.one(DayOfWeek.class, "dayOfWeek", "FUNDAY"))
                .isInstanceOf(RuleBroken.class).hasMessageContaining("MONDAY").hasMessageContaining("SUNDAY")
                .extracting(e -> ((RuleBroken) e).field()).isEqualTo("dayOfWeek");
        assertThatThrownBy(() -> RequestChoices.one(DayOfWeek.class, "dayOfWeek", null))
                .isInstanceOf(RuleBroken.class).extracting(e -> ((RuleBroken) e).field()).isEqualTo("dayOfWeek");
        assertThatThrownBy(() -> RequestChoices.one(DayOfWeek.class, "dayOfWeek", " "))
                .isInstanceOf(RuleBroken.class).hasMessageContaining("is required")
                .extracting(e -> ((RuleBroken) e).field()).isEqualTo("dayOfWeek");
        assertThatThrownBy(() -> RequestChoices.several(DayOfWeek.class, "days", "MONDAY,SOMEDAY"))
                .isInstanceOf(RuleBroken.class).extracting(e -> ((RuleBroken) e).field()).isEqualTo("days");
    }

    @Test
    void anOptionalChoiceLeftOutIsNoneButABlankOneIsRefused() {
        // Issue 15: blank is not a way to leave a choice out (an agreed rating of "" is not "no rating").
        assertThatThrownBy(() -> RequestChoices.optional(DayOfWeek.class, "dayOfWeek", " "))
                .isInstanceOf(RuleBroken.class).hasMessageContaining("must not be blank")
                .extracting(e -> ((RuleBroken) e).field()).isEqualTo("dayOfWeek");
        assertThatThrownBy(() -> RequestChoices.optional(DayOfWeek.class, "dayOfWeek", ""))
                .isInstanceOf(RuleBroken.class).extracting(e -> ((RuleBroken) e).field()).isEqualTo("dayOfWeek");
    }
}
