package org.opendsr.reporting.publishing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * NHS Digital disclosure control for every published figure below national level: 0 stays 0, 1 to 7 are shown as
 * {@code *}, everything else is rounded to the nearest 5.
 */
class DisclosureControlTest {

    private final DisclosureControl nhsDigital = DisclosureControl.nhsDigitalDefault();

    @Test
    void nothingIsShownAsNothing() {
        assertThat(nhsDigital.publish(0)).isEqualTo("0");
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7})
    void oneToSevenAreSuppressed(long count) {
        assertThat(nhsDigital.publish(count)).isEqualTo("*");
    }

    @ParameterizedTest(name = "{0} is published as {1}")
    @CsvSource({
            "8, 10",
            "10, 10",
            "12, 10",
            "13, 15",
            "15, 15",
            "17, 15",
            "18, 20",
            "22, 20",
            "23, 25",
            "100, 100",
            "1002, 1000",
            "1003, 1005"})
    void eightAndAboveAreRoundedToTheNearestFive(long count, String published) {
        assertThat(nhsDigital.publish(count)).isEqualTo(published);
    }

    @ParameterizedTest(name = "the issue's cell {0} is published as {1}")
    @CsvSource({"0, 0", "1, *", "7, *", "8, 10", "12, 10", "13, 15"})
    void theIssuesCells(long count, String published) {
        assertThat(nhsDigital.publish(count)).isEqualTo(published);
    }

    @Test
    void anAverageOrALongestIsShownOnlyOfEightOrMore() {
        assertThat(nhsDigital.allowsDetailOf(7)).isFalse();
        assertThat(nhsDigital.allowsDetailOf(8)).isTrue();
        assertThat(new DisclosureControl(10, 10).allowsDetailOf(10)).isFalse();
    }

    // ---- days: the longest is one person's, so it is never published exact --------------------------------------

    @ParameterizedTest(name = "a longest of {0} days is published as {1}")
    @CsvSource({"0, 0", "1, 5", "2, 5", "3, 5", "7, 5", "8, 10", "31, 30", "33, 35", "365, 365", "1000, 1000"})
    void theLongestIsRoundedToTheNearestFiveDaysLikeACountButNeverToZero(long days, String published) {
        assertThat(nhsDigital.publishLongest(days)).isEqualTo(published);
    }

    @Test
    void aStricterControlRoundsTheLongestToItsOwnBase() {
        DisclosureControl stricter = new DisclosureControl(10, 10);

        assertThat(stricter.publishLongest(4)).isEqualTo("10");
        assertThat(stricter.publishLongest(31)).isEqualTo("30");
        assertThat(stricter.publishLongest(35)).isEqualTo("40");
    }

    @ParameterizedTest(name = "{0} days over {1} measured average {2}")
    @CsvSource({"100, 8, 13", "96, 8, 12", "80, 8, 10", "0, 8, 0", "3, 8, 0", "4, 8, 1"})
    void theAverageIsPublishedInWholeDays(long sumDays, long count, String published) {
        assertThat(nhsDigital.publishAverage(sumDays, count)).isEqualTo(published);
    }

    @Test
    void negativeDaysAreRefused() {
        assertThatThrownBy(() -> nhsDigital.publishLongest(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> nhsDigital.publishAverage(-1, 8)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> nhsDigital.publishAverage(10, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aNegativeCountIsRefused() {
        assertThatThrownBy(() -> nhsDigital.publish(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aStricterLocalRuleCanBeConfigured() {
        // e.g. suppress up to 10 and round to the nearest 10.
        DisclosureControl stricter = new DisclosureControl(10, 10);

        assertThat(stricter.publish(0)).isEqualTo("0");
        assertThat(stricter.publish(8)).isEqualTo("*");
        assertThat(stricter.publish(10)).isEqualTo("*");
        assertThat(stricter.publish(11)).isEqualTo("10");
        assertThat(stricter.publish(14)).isEqualTo("10");
        assertThat(stricter.publish(16)).isEqualTo("20");
        assertThat(stricter.describe()).contains("1 to 10").contains("nearest 10");
    }

    @Test
    void anIcbMayConfigureTheNhsRuleOrStricter() {
        assertThat(DisclosureControl.configured(7, 5).publish(7)).isEqualTo("*");
        assertThat(DisclosureControl.configured(10, 10).publish(14)).isEqualTo("10");
    }

    @Test
    void butNeverWeakerThanTheNhsRule() {
        assertThatThrownBy(() -> DisclosureControl.configured(5, 5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("suppress-up-to is 5 (at least 7)");
        assertThatThrownBy(() -> DisclosureControl.configured(7, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("round-to-nearest is 1 (at least 5)");
        assertThatThrownBy(() -> DisclosureControl.configured(0, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("weaker than the NHS rule");
    }

    @Test
    void aThresholdBelowZeroOrARoundingBaseBelowOneIsRefused() {
        assertThatThrownBy(() -> new DisclosureControl(-1, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DisclosureControl(7, 0)).isInstanceOf(IllegalArgumentException.class);
        // A threshold below half the rounding base would let a count of 1 or 2 be published as "0".
        assertThatThrownBy(() -> new DisclosureControl(0, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DisclosureControl(2, 5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theReportSaysHowItsFiguresWereProtected() {
        assertThat(nhsDigital.describe())
                .isEqualTo("NHS Digital disclosure control: 0 is shown as 0, 1 to 7 as *, other counts rounded to the "
                        + "nearest 5; times in days are shown only where 8 or more were measured, the average in whole "
                        + "days and the longest rounded to the nearest 5 days (at least 5)");
    }
}
