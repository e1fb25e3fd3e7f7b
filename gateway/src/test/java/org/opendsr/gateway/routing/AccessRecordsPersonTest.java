package org.opendsr.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which person an access record names: the id after {@code /people/}, and nothing for any other id. */
class AccessRecordsPersonTest {

    private static final String ID = "3d5e8a52-8f6b-4a57-b1f4-0c2b7e1f9d20";

    @ParameterizedTest(name = "{0} names {1}")
    @CsvSource(nullValues = "none", value = {
            "/api/people/" + ID + ",                    " + ID,
            "/api/people/" + ID + "/audit,              " + ID,
            "/api/people/" + ID + "/contacts/primary,   " + ID,
            "/api/referrals/" + ID + ",                 none",
            "/api/consents/" + ID + ",                  none",
            "/api/worklists/people,                     none",
            "/api/people/" + ID + "x,                   none",
            "/api/people/not-a-uuid,                    none"})
    void thePersonIsTheIdAfterPeople(String path, String person) {
        assertThat(AccessRecords.personIn(path).map(UUID::toString).orElse(null)).isEqualTo(person);
    }
}
