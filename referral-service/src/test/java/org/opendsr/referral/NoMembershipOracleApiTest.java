package org.opendsr.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opendsr.kit.security.DsrRoles;
import org.opendsr.testkit.ApiClient.ApiResponse;
import org.opendsr.testkit.TestTokens;

/**
 * No membership oracle (issue 11, finding 2): whoever knows an NHS number cannot learn from referral-service's
 * answers whether the DSR knows that person. A referral whose NHS number is held for someone born on another day is
 * answered exactly as one for someone new and goes to the DSR team's review; a professional's identity change is
 * always held for the DSR team's review, whether or not its NHS number is someone else's.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NoMembershipOracleApiTest extends ReferralServiceUnderTest {

    private static final String HOLDERS_REFERRER = "sam.patel@swindon-cldt.example";
    private static final String PROBER = "pat.prober@elsewhere.example";
    private static final String HOLDER_GIVEN_NAME = "Wilhelmina";
    private static final String HOLDER_FAMILY_NAME = "Holder-Known";
    private static final String HOLDER_POSTCODE = "BA2 7AY";
    private static final String HOLDER_BORN = "2009-02-03";

    private String holdersReferrer;
    private String prober;
    private String dsrTeam;

    @BeforeAll
    void signIn() {
        holdersReferrer = TestTokens.get().tokenFor(HOLDERS_REFERRER, DsrRoles.PROFESSIONAL);
        prober = TestTokens.get().tokenFor(PROBER, DsrRoles.PROFESSIONAL);
        dsrTeam = journeys.dsrTeam();
    }

    /** Someone the DSR knows, with an NHS number; returns their personId. */
    private String aPersonKnownAs(String nhsNumber) {
        return journeys.refer(holdersReferrer, ReferralRequests.aReferralOfSomeoneNew()
                .with("givenName", HOLDER_GIVEN_NAME + TestNames.suffix()).with("familyName", HOLDER_FAMILY_NAME)
                .with("postcode", HOLDER_POSTCODE).with("dateOfBirth", HOLDER_BORN)
                .with("nhsNumber", nhsNumber)).get("personId").asText();
    }

    /** The prober's referral: their own made-up details, born on another day than the holder. */
    private static ReferralRequests aProbe(String nhsNumber) {
        return ReferralRequests.aReferral().with("givenName", "Probe" + TestNames.suffix()).with("familyName", "Attempt")
                .with("dateOfBirth", "2012-07-08").with("nhsNumber", nhsNumber);
    }

    // ---- a referral: the same answer whether or not the NHS number is held ---------------------------------------

    @Test
    void aReferralForAKnownNhsNumberWithAnotherDateOfBirthCannotBeToldApartFromOneForSomeoneNew() {
        String held = TestNhsNumbers.next();
        aPersonKnownAs(held);

        ApiResponse known = api.post("/referrals", prober, aProbe(held).body());
        ApiResponse unknown = api.post("/referrals", prober, aProbe(TestNhsNumbers.next()).body());

        assertThat(known.status()).as(known.text()).isEqualTo(201);
        assertThat(unknown.status()).as(unknown.text()).isEqualTo(201);
        assertThat(known.contentType()).isEqualTo(unknown.contentType());
        assertThat(headersBesidesIdsAndDates(known)).isEqualTo(headersBesidesIdsAndDates(unknown));
        assertThat(known.header("Location")).isEqualTo("/referrals/" + known.json().get("referralId").asText());
        assertThat(unknown.header("Location")).isEqualTo("/referrals/" + unknown.json().get("referralId").asText());
        assertThat(shape(known.json())).isEqualTo(shape(unknown.json()));
        assertThat(fieldNames(known.json())).containsExactly("firstContactDueOn", "personId", "receivedAt",
                "referralId", "status");
        for (String same : List.of("status", "firstContactDueOn")) {
            assertThat(known.json().get(same)).as(same).isEqualTo(unknown.json().get(same));
        }
    }

    @Test
    void theHeldNumberReachesTheDsrTeamsReviewAndNothingOfTheHolderReachesTheReferrer() {
        String held = TestNhsNumbers.next();
        String holder = aPersonKnownAs(held);

        JsonNode receipt = journeys.refer(prober, aProbe(held));
        String referralId = receipt.get("referralId").asText();
        String newcomer = receipt.get("personId").asText();

        assertThat(newcomer).as("never linked to the person who holds the number").isNotEqualTo(holder);
        // The DSR team: the number kept on the referral, the pair on their possible-duplicates worklist.
        JsonNode forTheTeam = api.get("/referrals/" + referralId, dsrTeam).json();
        assertThat(forTheTeam.at("/detailsToReview/nhsNumber").asText()).isEqualTo(held);
        JsonNode flag = flagOf(newcomer);
        assertThat(flag).as("on the possible-duplicates worklist").isNotNull();
        assertThat(List.of(flag.at("/person/personId").asText(), flag.at("/possibleDuplicate/personId").asText()))
                .containsExactlyInAnyOrder(holder, newcomer);
        assertThat(database.peopleWithNhsNumber(held)).as("the holder keeps their number").isEqualTo(1);
        // The referrer: their referral as for anyone new, and not the holder.
        ApiResponse ownView = api.get("/referrals/" + referralId, prober);
        ApiResponse viewOfSomeoneNew = api.get("/referrals/" + journeys.refer(prober,
                aProbe(TestNhsNumbers.next())).get("referralId").asText(), prober);
        assertThat(ownView.status()).isEqualTo(200);
        assertThat(ownView.text()).doesNotContain(HOLDER_GIVEN_NAME).doesNotContain(HOLDER_FAMILY_NAME)
                .doesNotContain(HOLDER_POSTCODE).doesNotContain(HOLDER_BORN).doesNotContain(held)
                .doesNotContain(holder);
        assertThat(ownView.json().get("detailsToReview")).isEmpty();
        assertThat(shape(ownView.json())).isEqualTo(shape(viewOfSomeoneNew.json()));
        assertThat(api.get("/people/" + holder, prober).status()).isEqualTo(404);
    }

    @Test
    void theAttemptIsOnBothPeoplesAuditTrails() {
        String held = TestNhsNumbers.next();
        String holder = aPersonKnownAs(held);

        JsonNode receipt = journeys.refer(prober, aProbe(held));

        String referralId = receipt.get("referralId").asText();
        assertThat(auditOf(holder)).anyMatch(entry -> entry.contains(PROBER) && entry.contains("referral "
                + referralId + " gave this person's NHS number"));
        assertThat(auditOf(receipt.get("personId").asText())).anyMatch(entry -> entry.contains(PROBER)
                && entry.contains("held for person " + holder));
    }

    @Test
    void aReferralWhoseNumberAndDateOfBirthAgreeIsAnsweredInTheSameShape() {
        String held = TestNhsNumbers.next();
        String holder = aPersonKnownAs(held);

        ApiResponse linked = api.post("/referrals", prober, ReferralRequests.aReferralOfSomeoneNew()
                .with("nhsNumber", held).with("dateOfBirth", HOLDER_BORN).with("postcode", "SN1 2JH").body());
        ApiResponse unknown = api.post("/referrals", prober, aProbe(TestNhsNumbers.next()).body());

        assertThat(linked.status()).as(linked.text()).isEqualTo(201);
        assertThat(linked.json().get("personId").asText()).isEqualTo(holder);
        assertThat(shape(linked.json())).isEqualTo(shape(unknown.json()));
        assertThat(headersBesidesIdsAndDates(linked)).isEqualTo(headersBesidesIdsAndDates(unknown));
        ApiResponse ownView = api.get("/referrals/" + linked.json().get("referralId").asText(), prober);
        assertThat(ownView.text()).doesNotContain(HOLDER_GIVEN_NAME).doesNotContain(HOLDER_POSTCODE);
    }

    // ---- helpers ----------------------------------------------------------------------------------------------------

    private List<String> auditOf(String personId) {
        List<String> entries = new ArrayList<>();
        for (JsonNode entry : api.get("/people/" + personId + "/audit?size=200", dsrTeam).json().get("items")) {
            entries.add(entry.get("actor").asText() + " " + entry.get("action").asText() + " "
                    + entry.get("what").asText());
        }
        return entries;
    }

    private JsonNode flagOf(String personId) {
        for (JsonNode flag : api.get("/worklists/people/possible-duplicates?size=200", dsrTeam).json().get("items")) {
            if (flag.at("/person/personId").asText().equals(personId)
                    || flag.at("/possibleDuplicate/personId").asText().equals(personId)) {
                return flag;
            }
        }
        return null;
    }

    /** Header names, and values of all but those that differ per request (ids, dates, lengths, traces). */
    static Map<String, String> headersBesidesIdsAndDates(ApiResponse response) {
        Map<String, String> headers = new TreeMap<>();
        response.headers().forEach((name, values) -> {
            if (name == null) {
                return;
            }
            String lower = name.toLowerCase();
            boolean varies = Set.of("date", "location", "content-length", "traceparent", "x-correlation-id",
                    "x-request-id").contains(lower);
            headers.put(lower, varies ? "(varies)" : String.join(",", values));
        });
        return headers;
    }

    static Set<String> fieldNames(JsonNode body) {
        Set<String> names = new TreeSet<>();
        body.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** Every field's path and the shape of its value: uuid, instant, date, other text, number, boolean, null... */
    static Map<String, String> shape(JsonNode body) {
        Map<String, String> shape = new TreeMap<>();
        shapeOf("", body, shape);
        return shape;
    }

    private static void shapeOf(String path, JsonNode node, Map<String, String> shape) {
        if (node.isObject()) {
            shape.put(path, node.isEmpty() ? "empty object" : "object");
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                shapeOf(path + "/" + field.getKey(), field.getValue(), shape);
            }
        } else if (node.isArray()) {
            shape.put(path, "array of " + node.size());
        } else if (node.isTextual()) {
            shape.put(path, textShape(node.asText()));
        } else {
            shape.put(path, node.getNodeType().name());
        }
    }

    private static String textShape(String text) {
        try {
            UUID.fromString(text);
            return "uuid";
        } catch (IllegalArgumentException notAUuid) {
            // not a uuid
        }
        try {
            Instant.parse(text);
            return "instant";
        } catch (RuntimeException notAnInstant) {
            // not an instant
        }
        try {
            LocalDate.parse(text);
            return "date";
        } catch (RuntimeException notADate) {
            return "text";
        }
    }
}
