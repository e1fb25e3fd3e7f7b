package org.opendsr.kit.deadletters;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** What is left of an agency's dead letter once its personal data is removed, and what a lead's list says of it. */
class PersonalDataRedactionTest {

    @Test
    void theEnvelopeSaysWhatItWasAndNothingAboutThePerson() {
        String redacted = redact("""
                {"specversion":"1.0","id":"e-1","type":"dsr.agency.referral-submitted.v1","source":"urn:agency:x",
                 "time":"2026-12-01T10:00:00Z","subject":"AGENCY-REF-9","traceparent":"00-abc",
                 "data":{"givenName":"Wendy","nhsNumber":"9434765919","dateOfBirth":"2001-02-03"}}""");

        assertThat(redacted).contains("\"id\":\"e-1\"", "\"type\":\"dsr.agency.referral-submitted.v1\"",
                        "\"source\":\"urn:agency:x\"", "\"time\":\"2026-12-01T10:00:00Z\"", "\"dsrredacted\":true")
                .doesNotContain("Wendy", "9434765919", "2001-02-03", "AGENCY-REF-9", "data", "subject");
    }

    @Test
    void anEnvelopeAttributeFilledWithSomethingElseIsNotKept() {
        assertThat(redact("{\"id\":{\"givenName\":\"Wendy\"},\"type\":\"x\"}")).doesNotContain("Wendy");
    }

    @Test
    void aValueThatIsNotAJsonObjectKeepsNothing() {
        assertThat(PersonalDataRedaction.envelopeOnly("Wendy Testperson 9434765919".getBytes(StandardCharsets.UTF_8)))
                .isNull();
        assertThat(PersonalDataRedaction.envelopeOnly("[\"Wendy\"]".getBytes(StandardCharsets.UTF_8))).isNull();
        assertThat(PersonalDataRedaction.envelopeOnly(null)).isNull();
    }

    @Test
    void aReasonFromOutsideTheDsrLeavesOutTheNamesTheSenderChose() {
        assertThat(ListedReason.of("data does not match x: $: property 'Wendy Testperson' is not defined in the schema",
                true)).isEqualTo("data does not match x: $: property '…' is not defined in the schema");
        assertThat(ListedReason.of("$.data: required property 'nhsNumber' not found", false))
                .isEqualTo("$.data: required property 'nhsNumber' not found");
        assertThat(ListedReason.of("x".repeat(5_000), false)).hasSize(ListedReason.MAX_LENGTH + 1);
    }

    private static String redact(String value) {
        return new String(PersonalDataRedaction.envelopeOnly(value.getBytes(StandardCharsets.UTF_8)),
                StandardCharsets.UTF_8);
    }
}
