package org.opendsr.kit.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** The encryption of a person's audited values, as plain rules: only their key, for their entry, opens them. */
class ErasableValuesTest {

    private static final UUID PERSON = UUID.fromString("3f1c1f0e-8d9a-4c9b-9d6e-1a2b3c4d5e6f");
    private static final String VALUES = "{\"familyName\":\"Oyelaran\",\"postcode\":\"SN1 2JH\"}";

    @Test
    void thePersonsKeyOpensWhatItEncrypted() throws GeneralSecurityException {
        byte[] key = ErasableValues.newKey();

        String encrypted = ErasableValues.encrypt(key, PERSON, VALUES);

        assertThat(encrypted).doesNotContain("Oyelaran");
        assertThat(ErasableValues.decrypt(key, PERSON, encrypted)).isEqualTo(VALUES);
    }

    @Test
    void theSameValuesEncryptDifferentlyEachTime() {
        // A random nonce each time: two entries with the same values do not show that they are the same.
        byte[] key = ErasableValues.newKey();
        assertThat(ErasableValues.encrypt(key, PERSON, VALUES)).isNotEqualTo(ErasableValues.encrypt(key, PERSON, VALUES));
    }

    @Test
    void anotherKeyAnotherPersonOrAnAlteredValueDoesNotOpen() {
        byte[] key = ErasableValues.newKey();
        String encrypted = ErasableValues.encrypt(key, PERSON, VALUES);
        byte[] altered = Base64.getDecoder().decode(encrypted);
        altered[altered.length - 1] ^= 1;

        assertThatThrownBy(() -> ErasableValues.decrypt(ErasableValues.newKey(), PERSON, encrypted))
                .isInstanceOf(GeneralSecurityException.class);
        // The person id is bound in: values copied onto another person's entry do not open there.
        assertThatThrownBy(() -> ErasableValues.decrypt(key, UUID.randomUUID(), encrypted))
                .isInstanceOf(GeneralSecurityException.class);
        assertThatThrownBy(() -> ErasableValues.decrypt(key, PERSON, Base64.getEncoder().encodeToString(altered)))
                .isInstanceOf(GeneralSecurityException.class);
        assertThatThrownBy(() -> ErasableValues.decrypt(key, PERSON, "not base64!"))
                .isInstanceOf(GeneralSecurityException.class);
    }

    @Test
    void onlyTheStoredShapeIsTakenForEncryptedValues() {
        assertThat(ErasableValues.isEncrypted(Map.of("encrypted", "AAAA", "v", 1))).isTrue();
        assertThat(ErasableValues.isEncrypted(Map.of("encrypted", "AAAA"))).isFalse();
        assertThat(ErasableValues.isEncrypted(Map.of("encrypted", "AAAA", "v", 1, "postcode", "SN1 2JH"))).isFalse();
        assertThat(ErasableValues.isEncrypted(Map.of("postcode", "SN1 2JH"))).isFalse();
    }
}
