package org.opendsr.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opendsr.referral.ApiProblems.UNREADABLE;
import static org.opendsr.referral.ApiProblems.assertProblemNaming;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.opendsr.testkit.ApiClient.ApiResponse;

/**
 * A self or family referral (a first contact the DSR team takes) with one bad value: refused naming the field as
 * that request names it (its own phone and madeBy, not the contact list it becomes), and nothing written.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SelfOrFamilyReferralRefusalsTest extends ReferralServiceUnderTest {

    private static Map<String, Object> aFirstContact() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("givenName", "Tamsin");
        body.put("familyName", "Pendragon-Vale");
        body.put("postcode", "BA1 1AA");
        body.put("phone", "07700 900123");
        body.put("email", "morwenna@example.org");
        body.put("dateOfBirth", LocalDate.now().minusYears(12).toString());
        body.put("locality", "BATH_AND_NORTH_EAST_SOMERSET");
        body.put("reasonForReferral", "Our son is struggling at home");
        body.put("madeBy", Map.of("relationship", "PARENT_OR_CARER", "name", "Morwenna Pendragon-Vale",
                "hasParentalResponsibility", true));
        return body;
    }

    static Stream<BadValue> badValues() {
        LocalDate today = LocalDate.now();
        return Stream.of(
                BadValue.missing("givenName"),
                BadValue.of("a blank given name", "givenName", "  "),
                BadValue.of("a given name over 100 characters", "givenName", "G".repeat(101)),
                BadValue.missing("familyName"),
                BadValue.of("a blank family name", "familyName", ""),
                BadValue.of("a family name over 100 characters", "familyName", "F".repeat(101)),
                BadValue.missing("postcode"),
                BadValue.of("a postcode that is not a UK postcode", "postcode", "75008"),
                BadValue.of("a postcode over 10 characters", "postcode", "BA1 1AA BA1 1AA"),
                BadValue.of("a phone number that is not one", "phone", "ring after six"),
                BadValue.of("a phone number over 30 characters", "phone", "0".repeat(31)),
                BadValue.of("an email that is not one", "email", "not-an-email"),
                BadValue.of("an email over 200 characters", "email", "e".repeat(195) + "@example.org"),
                BadValue.of("a date of birth that is not a date", "dateOfBirth", "15/06/2011", UNREADABLE + "dateOfBirth"),
                BadValue.of("a date of birth in the future", "dateOfBirth", today.plusDays(1).toString()),
                BadValue.of("a date of birth over 120 years ago", "dateOfBirth",
                        today.minusYears(120).minusDays(1).toString()),
                BadValue.of("a locality the ICB does not have", "locality", "LEEDS"),
                // Issue 15: an optional identifier or code is left out or given; blank is neither, and refused.
                BadValue.of("an empty locality", "locality", ""),
                BadValue.of("an empty email beside a phone", "email", ""),
                BadValue.of("a blank phone beside an email", "phone", "  "),
                BadValue.of("a reason over 4000 characters", "reasonForReferral", "r".repeat(4001)),
                BadValue.of("made by someone of no relationship", "madeBy", Map.of("name", "Morwenna"),
                        "madeBy.relationship"),
                BadValue.of("made by a relationship that is not one", "madeBy",
                        Map.of("relationship", "NEIGHBOUR", "name", "Morwenna"), UNREADABLE + "relationship"),
                BadValue.of("made by a paid carer (they refer through a professional)", "madeBy",
                        Map.of("relationship", "PAID_CARER", "name", "Care Co"), "madeBy.relationship"),
                BadValue.of("made by a parent or carer without a name", "madeBy",
                        Map.of("relationship", "PARENT_OR_CARER"), "madeBy.name"),
                BadValue.of("made by someone with a name over 200 characters", "madeBy",
                        Map.of("relationship", "PARENT_OR_CARER", "name", "M".repeat(201)), "madeBy.name"),
                BadValue.of("parental responsibility as yes rather than true", "madeBy",
                        Map.of("relationship", "PARENT_OR_CARER", "name", "Morwenna", "hasParentalResponsibility", "yes"),
                        UNREADABLE + "hasParentalResponsibility"),
                BadValue.of("parental responsibility for the person themself", "madeBy",
                        Map.of("relationship", "PERSON", "hasParentalResponsibility", true),
                        "madeBy.hasParentalResponsibility"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badValues")
    void aBadValueIsRefusedNamingTheFieldAndNothingIsWritten(BadValue bad) {
        Map<String, Long> before = database.rowCounts();

        ApiResponse response = api.post("/referrals/self-or-family", journeys.dsrTeam(), bad.applyTo(aFirstContact()));

        assertProblemNaming(response, bad.named());
        assertThat(database.rowCounts()).isEqualTo(before);
    }

    @org.junit.jupiter.api.Test
    void aBlankPhoneWithoutAnEmailIsNoWayToReply() {
        Map<String, Long> before = database.rowCounts();
        Map<String, Object> body = aFirstContact();
        body.remove("email");
        body.put("phone", " ");

        ApiResponse response = api.post("/referrals/self-or-family", journeys.dsrTeam(), body);

        assertProblemNaming(response, "phone");
        assertThat(database.rowCounts()).isEqualTo(before);
    }
}
