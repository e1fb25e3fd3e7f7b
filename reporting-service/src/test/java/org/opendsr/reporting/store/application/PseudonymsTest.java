package org.opendsr.reporting.store.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import io.micronaut.context.exceptions.ConfigurationException;
import org.junit.jupiter.api.Test;
import org.opendsr.reporting.store.domain.Pseudonym;

/** Keyed pseudonyms: stable under one key, different under another, and not any unkeyed hash of the id. */
class PseudonymsTest {

    private static final byte[] KEY = "the-first-key-of-thirty-two-bytes-or-more".getBytes(StandardCharsets.UTF_8);
    private static final byte[] OTHER_KEY = "the-other-key-of-thirty-two-bytes-or-more".getBytes(StandardCharsets.UTF_8);

    private final UUID personId = UUID.fromString("3d5e8a52-8f6b-4a57-b1f4-0c2b7e1f9d20");

    @Test
    void theSameIdAndKeyGiveTheSame32Bytes() {
        Pseudonym once = new Pseudonyms(KEY).person(personId);
        Pseudonym again = new Pseudonyms(KEY.clone()).person(personId);
        assertThat(once.bytes()).hasSize(32);
        assertThat(again).isEqualTo(once);
    }

    @Test
    void anotherKeyGivesAnotherPseudonym() {
        assertThat(new Pseudonyms(OTHER_KEY).person(personId)).isNotEqualTo(new Pseudonyms(KEY).person(personId));
    }

    @Test
    void aPersonAndARecordWithTheSameIdHaveDifferentPseudonyms() {
        Pseudonyms pseudonyms = new Pseudonyms(KEY);
        assertThat(List.of(pseudonyms.person(personId), pseudonyms.referral(personId), pseudonyms.obligation(personId),
                pseudonyms.recommendation(personId))).doesNotHaveDuplicates();
    }

    @Test
    void thePseudonymIsNoUnkeyedHashOfThePersonId() throws Exception {
        byte[] pseudonym = new Pseudonyms(KEY).person(personId).bytes();
        for (String text : List.of(personId.toString(), "person:" + personId, personId.toString().toUpperCase(),
                personId.toString().replace("-", ""))) {
            for (String algorithm : List.of("SHA-256", "SHA3-256", "SHA-512/256")) {
                byte[] unkeyed = MessageDigest.getInstance(algorithm).digest(text.getBytes(StandardCharsets.UTF_8));
                assertThat(unkeyed).as(algorithm + " of " + text).isNotEqualTo(pseudonym);
            }
        }
        // Nor an HMAC under an empty or guessable key.
        for (byte[] guess : List.of(new byte[32], "person".getBytes(StandardCharsets.UTF_8),
                personId.toString().getBytes(StandardCharsets.UTF_8))) {
            assertThat(new Pseudonyms(guess).person(personId).bytes()).isNotEqualTo(pseudonym);
        }
    }

    @Test
    void theServiceRefusesToStartWithoutAUsableKeyAndNeverQuotesIt() {
        assertThatThrownBy(() -> PseudonymisationKey.decode(null)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("DSR_REPORTING_PSEUDONYMISATION_KEY").hasMessageContaining("not set");
        assertThatThrownBy(() -> PseudonymisationKey.decode("not base64 at all!"))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("not base64")
                .hasMessageNotContaining("not base64 at all!");
        String short16 = Base64.getEncoder().encodeToString(new byte[16]);
        assertThatThrownBy(() -> PseudonymisationKey.decode(short16)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("at least 32").hasMessageNotContaining(short16);
        assertThat(PseudonymisationKey.decode(Base64.getEncoder().encodeToString(new byte[32]))).hasSize(32);
        assertThat(new PseudonymisationKey()).hasToString("PseudonymisationKey[hidden]");
    }
}
