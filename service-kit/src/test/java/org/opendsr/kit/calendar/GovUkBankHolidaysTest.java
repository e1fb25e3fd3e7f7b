package org.opendsr.kit.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.opendsr.kit.calendar.domain.BankHolidays;
import org.opendsr.kit.calendar.domain.StatutoryBankHolidays;

/**
 * The bank holidays shipped with the kit are GOV.UK's 2019-2027 list in its own format; the statutory pattern
 * gives every one of those years exactly, except the one-off days that show why production refreshes from GOV.UK.
 */
class GovUkBankHolidaysTest {

    private static String shipped() throws IOException {
        try (InputStream in = GovUkBankHolidaysTest.class.getClassLoader()
                .getResourceAsStream("bank-holidays/england-and-wales.json")) {
            assertThat(in).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theShippedListCoversGovUksPublishedYears() throws IOException {
        BankHolidays shipped = GovUkBankHolidays.parse(shipped());

        assertThat(shipped.publishedYears()).containsExactly(2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027);
        assertThat(shipped.isBankHoliday(LocalDate.of(2027, 12, 27))).as("Christmas 2027, substitute").isTrue();
        assertThat(shipped.isBankHoliday(LocalDate.of(2027, 12, 28))).as("Boxing Day 2027, substitute").isTrue();
    }

    @Test
    void theStatutoryPatternGivesEveryPublishedYearExceptTheOneOffDays() throws IOException {
        BankHolidays shipped = GovUkBankHolidays.parse(shipped());
        Set<LocalDate> onlyPublished = new TreeSet<>();
        Set<LocalDate> onlyComputed = new TreeSet<>();
        for (int year = 2019; year <= 2027; year++) {
            Set<LocalDate> published = shipped.inYear(year);
            Set<LocalDate> computed = StatutoryBankHolidays.inYear(year);
            published.stream().filter(day -> !computed.contains(day)).forEach(onlyPublished::add);
            computed.stream().filter(day -> !published.contains(day)).forEach(onlyComputed::add);
        }

        assertThat(onlyPublished).containsExactly(
                LocalDate.of(2020, 5, 8),    // early May moved to VE Day's 75th anniversary
                LocalDate.of(2022, 6, 2),    // spring bank holiday moved for the Platinum Jubilee
                LocalDate.of(2022, 6, 3),    // Platinum Jubilee
                LocalDate.of(2022, 9, 19),   // State funeral of Queen Elizabeth II
                LocalDate.of(2023, 5, 8));   // Coronation of King Charles III
        assertThat(onlyComputed).containsExactly(
                LocalDate.of(2020, 5, 4),    // the early May Monday that moved
                LocalDate.of(2022, 5, 30));  // the spring Monday that moved
    }

    @Test
    void onlyTheEnglandAndWalesDivisionIsKeptInGovUksFormat() {
        String govUk = "{\"england-and-wales\":{\"division\":\"england-and-wales\",\"events\":" + events(2031) + "},"
                + "\"scotland\":{\"division\":\"scotland\",\"events\":[{\"title\":\"St Andrew's Day\",\"date\":\"2031-12-01\"}]}}";

        String kept = GovUkBankHolidays.englandAndWalesOnly(govUk);

        assertThat(kept).contains("england-and-wales").doesNotContain("scotland");
        assertThat(GovUkBankHolidays.parse(kept).publishedYears()).containsExactly(2031);
    }

    @Test
    void somethingElseIsRefusedNamingTheProblemWithoutQuotingIt() {
        assertThatThrownBy(() -> GovUkBankHolidays.parse("<html>Service unavailable</html>"))
                .isInstanceOf(GovUkBankHolidays.NotAPublication.class).hasMessageContaining("not JSON");
        assertThatThrownBy(() -> GovUkBankHolidays.parse("{\"scotland\":{\"events\":[]}}"))
                .hasMessageContaining("no england-and-wales division");
        assertThatThrownBy(() -> GovUkBankHolidays.parse("{\"england-and-wales\":{\"events\":[]}}"))
                .hasMessageContaining("no events");
        assertThatThrownBy(() -> GovUkBankHolidays.parse(
                "{\"england-and-wales\":{\"events\":[{\"title\":\"x\",\"date\":\"25/12/2031\"}]}}"))
                .hasMessageContaining("YYYY-MM-DD");
    }

    @Test
    void aYearWithTooFewDaysIsATruncatedListAndIsRefused() {
        String truncated = "{\"england-and-wales\":{\"division\":\"england-and-wales\",\"events\":"
                + "[{\"title\":\"New Year's Day\",\"date\":\"2031-01-01\"}]}}";

        assertThatThrownBy(() -> GovUkBankHolidays.parse(truncated)).hasMessageContaining("2031 has only 1");
    }

    /** GOV.UK's events for a year as the statutory pattern gives them. */
    static String events(int year) {
        StringBuilder json = new StringBuilder("[");
        for (LocalDate day : StatutoryBankHolidays.inYear(year)) {
            if (json.length() > 1) {
                json.append(',');
            }
            json.append("{\"title\":\"Bank holiday\",\"date\":\"").append(day).append("\",\"notes\":\"\",\"bunting\":true}");
        }
        return json.append(']').toString();
    }
}
