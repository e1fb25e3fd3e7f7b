package org.opendsr.referral.person.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * NHS Data Dictionary, NHS number: 10 digits; digits 1 to 9 weighted 10 down to 2; 11 minus the weighted sum
 * modulo 11 is the check digit, where 11 means 0 and 10 means the number is invalid. 999 000 0000 - 999 999 9999
 * are never issued: accepted for tests and demonstrations only where a deployment says so.
 */
class NhsNumberTest {

    private static final boolean PRODUCTION = false;
    private static final boolean TEST_RUN = true;

    @Test
    void theDataDictionaryExampleIsValid() {
        NhsNumber number = NhsNumber.parse("9434765919", PRODUCTION);

        assertThat(number.digits()).isEqualTo("9434765919");
        assertThat(number.formatted()).isEqualTo("943 476 5919");
    }

    @Test
    void aWrongCheckDigitIsRefused() {
        assertThat(NhsNumber.check("9434765918", PRODUCTION)).contains(NhsNumber.Problem.CHECK_DIGIT_WRONG);
        assertThat(NhsNumber.check("9434765910", PRODUCTION)).contains(NhsNumber.Problem.CHECK_DIGIT_WRONG);
        assertThatThrownBy(() -> NhsNumber.parse("943 476 5918", PRODUCTION))
                .isInstanceOfSatisfying(NhsNumber.InvalidNhsNumber.class,
                        invalid -> assertThat(invalid.problem()).isEqualTo(NhsNumber.Problem.CHECK_DIGIT_WRONG));
    }

    @Test
    void twoDigitsSwappedAreCaught() {
        // The point of Modulus 11: a transposition changes the weighted sum.
        assertThat(NhsNumber.check("4934765919", PRODUCTION)).contains(NhsNumber.Problem.CHECK_DIGIT_WRONG);
    }

    @ParameterizedTest(name = "943 476 596{0}")
    @ValueSource(strings = {"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"})
    void aNumberWhoseCheckDigitWouldBeTenIsInvalidWhateverItsLastDigit(String lastDigit) {
        // 9*10 + 4*9 + 3*8 + 4*7 + 7*6 + 6*5 + 5*4 + 9*3 + 6*2 = 309; 309 mod 11 = 1; 11 - 1 = 10.
        assertThat(NhsNumber.check("943476596" + lastDigit, PRODUCTION)).contains(NhsNumber.Problem.CHECK_DIGIT_WRONG);
    }

    @Test
    void aRemainderOfZeroGivesCheckDigitZero() {
        // 9*10 + 4*9 + 3*8 + 4*7 + 7*6 + 6*5 + 5*4 + 9*3 + 0*2 = 297 = 27 * 11: 11 - 0 = 11, which means 0.
        assertThat(NhsNumber.check("9434765900", PRODUCTION)).isEmpty();
        assertThat(NhsNumber.check("9434765901", PRODUCTION)).contains(NhsNumber.Problem.CHECK_DIGIT_WRONG);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"943476591", "94347659190", "943476591X", "ABCDEFGHIJ", "943.476.5919", "   "})
    void anythingButTenDigitsIsRefused(String text) {
        assertThat(NhsNumber.check(text, PRODUCTION)).contains(NhsNumber.Problem.NOT_TEN_DIGITS);
        assertThatThrownBy(() -> NhsNumber.parse(text, PRODUCTION))
                .isInstanceOfSatisfying(NhsNumber.InvalidNhsNumber.class,
                        invalid -> assertThat(invalid.problem()).isEqualTo(NhsNumber.Problem.NOT_TEN_DIGITS));
    }

    @ParameterizedTest
    @ValueSource(strings = {"943 476 5919", "943-476-5919", " 943 476 5919 ", "9434 765 919"})
    void spacesAndDashesAreHowPeopleWriteItAndAreAccepted(String text) {
        assertThat(NhsNumber.parse(text, PRODUCTION)).isEqualTo(NhsNumber.parse("9434765919", PRODUCTION));
    }

    @Test
    void theTestRangeIsAcceptedOnlyWhereTheDeploymentSaysSo() {
        // 9*10 + 9*9 + 9*8 + 0 + 0 + 0 + 0 + 0 + 1*2 = 245; 245 mod 11 = 3; 11 - 3 = 8.
        String testNumber = "9990000018";

        assertThat(NhsNumber.check(testNumber, TEST_RUN)).isEmpty();
        assertThat(NhsNumber.parse("999 000 0018", TEST_RUN).digits()).isEqualTo(testNumber);
        assertThat(NhsNumber.check(testNumber, PRODUCTION)).contains(NhsNumber.Problem.TEST_NUMBER_NOT_ACCEPTED);
    }

    @Test
    void aTestRangeNumberMustStillPassTheCheck() {
        // 999 000 000x: 9*10 + 9*9 + 9*8 = 243; 243 mod 11 = 1; the check digit would be 10.
        assertThat(NhsNumber.check("9990000000", TEST_RUN)).contains(NhsNumber.Problem.CHECK_DIGIT_WRONG);
        assertThat(NhsNumber.check("9990000019", TEST_RUN)).contains(NhsNumber.Problem.CHECK_DIGIT_WRONG);
    }

    @Test
    void theSameDigitsAreTheSameNumber() {
        assertThat(NhsNumber.parse("943 476 5919", PRODUCTION))
                .isEqualTo(NhsNumber.parse("943-476-5919", PRODUCTION))
                .hasSameHashCodeAs(NhsNumber.parse("9434765919", PRODUCTION))
                .isNotEqualTo(NhsNumber.parse("9434765900", PRODUCTION));
    }

    @Test
    void itsTextNeverShowsTheNumberAndNeitherDoesARefusal() {
        NhsNumber number = NhsNumber.parse("9434765919", PRODUCTION);

        assertThat(number.toString()).doesNotContain("9434765919").doesNotContain("943 476 5919").doesNotContain("5919");
        assertThat(String.valueOf(number)).isEqualTo("NhsNumber[redacted]");
        assertThatThrownBy(() -> NhsNumber.parse("9434765918", PRODUCTION)).hasMessageNotContaining("9434765918");
    }
}
