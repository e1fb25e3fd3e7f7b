package org.opendsr.referral.person.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opendsr.referral.register.domain.RegisterStatus;

/** NHS Data Dictionary: Ethnic Category A-S (no I, O, Q), Z not stated, 99 not known; Gender Identity 1-4, Z, X. */
class DataDictionaryCodesTest {

    @Test
    void ethnicCategoryHasTheDataDictionaryCodesAndNoOthers() {
        assertThat(Arrays.stream(EthnicCategory.values()).map(EthnicCategory::code)).containsExactly(
                "A", "B", "C", "D", "E", "F", "G", "H", "J", "K", "L", "M", "N", "P", "R", "S", "Z", "99");
        assertThat(EthnicCategory.ofCode("99")).contains(EthnicCategory.NOT_KNOWN);
        assertThat(EthnicCategory.ofCode("Z").orElseThrow().description()).isEqualTo("Not stated");
    }

    /** Events name a category by its name (issue 14: ReferralAccepted's ethnicCategory); 99 is NOT_KNOWN. */
    @Test
    void eachEthnicCategoryIsNamedOnEventsAsItIsHere() {
        assertThat(Arrays.stream(EthnicCategory.values()).map(category -> category.onEvents().name()))
                .containsExactly(Arrays.stream(EthnicCategory.values()).map(Enum::name).toArray(String[]::new));
        assertThat(org.opendsr.contracts.common.EthnicCategory.values()).hasSameSizeAs(EthnicCategory.values());
        assertThat(EthnicCategory.NOT_KNOWN.onEvents()).isEqualTo(org.opendsr.contracts.common.EthnicCategory.NOT_KNOWN);
    }

    @ParameterizedTest
    @ValueSource(strings = {"I", "O", "Q", "T", "a", "9", "", "White"})
    void anythingElseIsNotAnEthnicCategory(String code) {
        assertThat(EthnicCategory.ofCode(code)).isEmpty();
    }

    @Test
    void genderIdentityHasTheDataDictionaryCodesAndNoOthers() {
        assertThat(Arrays.stream(GenderIdentity.values()).map(GenderIdentity::code))
                .containsExactly("1", "2", "3", "4", "Z", "X");
        assertThat(GenderIdentity.ofCode("5")).isEmpty();
        assertThat(GenderIdentity.ofCode("M")).isEmpty();
        assertThat(GenderIdentity.ofCode(null)).isEmpty();
    }

    @Test
    void phoneNumbersAreDigitsAsPeopleWriteThem() {
        assertThat(PhoneNumberFormat.isValid("01234 567890")).isTrue();
        assertThat(PhoneNumberFormat.isValid("+44 (0)7700 900123")).isTrue();
        assertThat(PhoneNumberFormat.isValid("07700-900-123")).isTrue();
        assertThat(PhoneNumberFormat.isValid("999")).isFalse();
        assertThat(PhoneNumberFormat.isValid("call me")).isFalse();
        assertThat(PhoneNumberFormat.isValid("0123456789012345678")).isFalse();
    }

    @Test
    void onlyAParentOrCarerCanHoldParentalResponsibility() {
        assertThat(ContactRelationship.PARENT_OR_CARER.mayHoldParentalResponsibility()).isTrue();
        assertThat(ContactRelationship.PAID_CARER.mayHoldParentalResponsibility()).isFalse();
        assertThat(ContactRelationship.PERSON.mayHoldParentalResponsibility()).isFalse();
    }

    @Test
    void aPersonsPlaceInTheDsr() {
        assertThat(RegisterStatus.of(true, true, true)).isEqualTo(RegisterStatus.ON_REGISTER);
        assertThat(RegisterStatus.of(false, true, true)).as("re-referred after removal").isEqualTo(RegisterStatus.REFERRED);
        assertThat(RegisterStatus.of(false, false, true)).isEqualTo(RegisterStatus.REMOVED);
        assertThat(RegisterStatus.of(false, false, false)).isEqualTo(RegisterStatus.NOT_ACCEPTED);
    }
}
