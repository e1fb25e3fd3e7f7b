package org.opendsr.referral.person.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** UK postcodes as Royal Mail writes them: outward code (area and district), a space, inward code (9AA). */
class PostcodeFormatTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "SN1 2JH",   // AA9 9AA
            "BA1 1AA",
            "M1 1AE",    // A9 9AA
            "B33 8TH",   // A99 9AA
            "CR2 6XH",
            "DN55 1PT",  // AA99 9AA
            "W1A 0AX",   // A9A 9AA
            "EC1A 1BB",  // AA9A 9AA
            "SW1A 1AA"})
    void everyOutwardCodeShapeIsAccepted(String postcode) {
        assertThat(PostcodeFormat.isValid(postcode)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"sn1 2jh", "SN12JH", " SN1 2JH ", "sn1  2jh"})
    void caseAndSpacingAreHowPeopleTypeItAndAreAccepted(String postcode) {
        assertThat(PostcodeFormat.isValid(postcode)).isTrue();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"SN1", "SN1 2J", "SN1 2JHX", "12345", "SN1 AJH", "1N1 2JH", "ABC1 2JH", "SN1-2JH",
            "Swindon", "75008"})
    void anythingElseIsNotAUkPostcode(String text) {
        assertThat(PostcodeFormat.isValid(text)).isFalse();
    }

    @ParameterizedTest(name = "\"{0}\" is kept as \"{1}\"")
    @CsvSource({
            "sn12jh,     SN1 2JH",
            "SN1 2JH,    SN1 2JH",
            "' sn1  2jh ', SN1 2JH",
            "ec1a1bb,    EC1A 1BB",
            "m11ae,      M1 1AE"})
    void itIsKeptUpperCaseWithOneSpaceBeforeTheInwardCode(String typed, String kept) {
        assertThat(PostcodeFormat.normalise(typed)).isEqualTo(kept);
    }
}
