package org.opendsr.kit.calendar.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Published dates win for the years they cover; the statutory pattern covers every other year. */
class BankHolidaysTest {

    private static final LocalDate PLATINUM_JUBILEE = LocalDate.of(2022, 6, 3);

    @Test
    void aPublishedYearIsTakenAsPublishedOneOffDaysIncluded() {
        List<LocalDate> published2022 = new ArrayList<>(StatutoryBankHolidays.inYear(2022));
        published2022.add(PLATINUM_JUBILEE);

        BankHolidays holidays = BankHolidays.published(published2022);

        assertThat(holidays.isBankHoliday(PLATINUM_JUBILEE)).isTrue();
        assertThat(holidays.isPublished(2022)).isTrue();
    }

    @Test
    void aYearNotPublishedFollowsTheStatutoryPattern() {
        BankHolidays holidays = BankHolidays.published(StatutoryBankHolidays.inYear(2022));

        assertThat(holidays.isPublished(2040)).isFalse();
        assertThat(holidays.inYear(2040)).isEqualTo(StatutoryBankHolidays.inYear(2040));
        assertThat(BankHolidays.statutoryOnly().isBankHoliday(PLATINUM_JUBILEE)).isFalse();
    }

    @Test
    void aNewerPublicationReplacesTheYearsItCoversAndKeepsTheRest() {
        BankHolidays shipped = BankHolidays.published(concat(StatutoryBankHolidays.inYear(2021),
                StatutoryBankHolidays.inYear(2022)));
        List<LocalDate> refreshed = new ArrayList<>(StatutoryBankHolidays.inYear(2022));
        refreshed.add(PLATINUM_JUBILEE);
        refreshed.addAll(StatutoryBankHolidays.inYear(2023));

        BankHolidays holidays = shipped.updatedBy(BankHolidays.published(refreshed));

        assertThat(holidays.publishedYears()).containsExactly(2021, 2022, 2023);
        assertThat(holidays.isBankHoliday(PLATINUM_JUBILEE)).isTrue();
        assertThat(holidays.inYear(2021)).isEqualTo(StatutoryBankHolidays.inYear(2021));
    }

    private static List<LocalDate> concat(java.util.Collection<LocalDate> a, java.util.Collection<LocalDate> b) {
        List<LocalDate> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
