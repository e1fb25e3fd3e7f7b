package org.opendsr.reporting.store.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opendsr.kit.rules.RuleBroken;

/** What the store's code columns take before anything reaches SQL: the same as their CHECKs (V2, V4, V7, V8). */
class StoreCodesTest {

    @ParameterizedTest
    @ValueSource(strings = {"NOT_AT_RISK_OF_ADMISSION", "AGE_0_TO_9", "AGE_65_AND_OVER", "POSITIVE_BEHAVIOUR_SUPPORT",
            "A", "DEFACED_BED"})
    void aCodeIsTaken(String code) {
        assertThat(StoreCodes.code("code", code)).isEqualTo(code);
    }

    @ParameterizedTest
    @ValueSource(strings = {"BATH_AND_NORTH_EAST_SOMERSET", "OUT-OF-AREA", "SWINDON"})
    void aLocalityIsTaken(String locality) {
        assertThat(StoreCodes.locality("locality", locality)).isEqualTo(locality);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Jane Smith", "JANE SMITH", "9434765919", "943 476 5919", "03022001", "SN11AA", "SN1 1AA",
            "3d5e8a52-8f6b-4a57-b1f4-0c2b7e1f9d20", "3D5E8A52-8F6B-4A57-B1F4-0C2B7E1F9D20",
            "3D5E8A528F6B4A57B1F40C2B7E1F9D20", "3D5E8A52_8F6B_4A57_B1F4_0C2B7E1F9D20", "", "seen at home"})
    void anIdentifierOrFreeTextIsRefusedAsACodeAndAsALocality(String value) {
        assertThatThrownBy(() -> StoreCodes.code("code", value)).isInstanceOf(RuleBroken.class);
        assertThatThrownBy(() -> StoreCodes.locality("locality", value)).isInstanceOf(RuleBroken.class);
    }

    @Test
    void aCodeIsAtMost60CharactersAndALocalityAtMost40() {
        assertThat(StoreCodes.code("code", "Z".repeat(60))).hasSize(60);
        assertThatThrownBy(() -> StoreCodes.code("code", "Z".repeat(61))).isInstanceOf(RuleBroken.class);
        assertThat(StoreCodes.locality("locality", "Z".repeat(40))).hasSize(40);
        assertThatThrownBy(() -> StoreCodes.locality("locality", "Z".repeat(41))).isInstanceOf(RuleBroken.class);
    }
}
