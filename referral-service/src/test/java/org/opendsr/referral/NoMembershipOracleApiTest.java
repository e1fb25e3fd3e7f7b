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
        // (Read from the table the worklist lists: the worklist pages oldest first, and other tests flag many.)
        assertThat(database.count("SELECT count(*) FROM possible_duplicate WHERE resolved_at IS NULL"
                + " AND ((person_a = ?::uuid AND person_b = ?::uuid) OR (person_a = ?::uuid AND person_b = ?::uuid))",
                holder, newcomer, newcomer, holder)).as("on the possible-duplicates worklist").isEqualTo(1);
        assertThat(database.peopleWithNhsNumber(held)).as("the holder keeps their number").isEqualTo(1);
        // The referrer: their referral as for anyone new, and not the holder.
        ApiResponse ownView = api.get("/referrals/" + referralId, prober);
        ApiResponse viewOfSomeoneNew = api.get("/referrals/" + journeys.refer(prober,
                aProbe(TestNhsNumbers.next())).get("referralId").asText(), prober);
        assertThat(ownView.status()).isEqualTo(200);
        assertThat(ownView.text()).doesNotContain(HOLDER_GIVEN_NAME).doesNotContain(HOLDER_FAMILY_NAME)
                .doesNotContain(HOLDER_POSTCODE).doesNotContain(HOLDER_BORN).doesNotContain(held)
                .doesNotContain(holder);
        assertThat(ownView.json().path("detailsToReview").size()).isZero();
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

    // ---- an identity change: held for the DSR team, whatever its NHS number ----------------------------------------

    /** A person the prober referred (and so may change), whose first contact the DSR team has made. */
    private String theProbersOwnPerson() {
        JsonNode receipt = journeys.refer(prober, aProbe(TestNhsNumbers.next()).without("nhsNumber"));
        journeys.contact(receipt.get("referralId").asText());
        return receipt.get("personId").asText();
    }

    private static Map<String, Object> identity(String givenName, String nhsNumber) {
        return Map.of("givenName", givenName, "familyName", "Attempt", "dateOfBirth", "2012-07-08",
                "nhsNumber", nhsNumber);
    }

    @Test
    void aProfessionalsIdentityChangeIsHeldTheSameWayWhetherOrNotItsNumberIsSomeoneElses() {
        String held = TestNhsNumbers.next();
        String holder = aPersonKnownAs(held);
        String own = theProbersOwnPerson();
        String free = TestNhsNumbers.next();

        ApiResponse colliding = api.put("/people/" + own + "/identity", prober, identity("Colliding", held));
        ApiResponse notColliding = api.put("/people/" + own + "/identity", prober, identity("Free", free));

        assertThat(colliding.status()).as(colliding.text()).isEqualTo(202);
        assertThat(notColliding.status()).as(notColliding.text()).isEqualTo(202);
        assertThat(colliding.contentType()).isEqualTo(notColliding.contentType());
        assertThat(headersBesidesIdsAndDates(colliding)).isEqualTo(headersBesidesIdsAndDates(notColliding));
        assertThat(shape(colliding.json())).isEqualTo(shape(notColliding.json()));
        assertThat(colliding.json().get("status")).isEqualTo(notColliding.json().get("status"));
        assertThat(colliding.text()).doesNotContain(holder).doesNotContain(held);
        JsonNode record = api.get("/people/" + own, dsrTeam).json();
        assertThat(record.path("nhsNumber").isMissingNode() || record.get("nhsNumber").isNull())
                .as("nothing changes until the DSR team applies it").isTrue();
        // On the DSR team's worklist, the colliding one with whose number it is.
        JsonNode collidingItem = worklistItem(colliding.json().get("changeId").asText());
        JsonNode freeItem = worklistItem(notColliding.json().get("changeId").asText());
        assertThat(collidingItem.get("personId").asText()).isEqualTo(own);
        assertThat(collidingItem.get("requestedBy").asText()).isEqualTo(PROBER);
        assertThat(collidingItem.at("/requested/nhsNumber").asText()).isEqualTo(held);
        assertThat(collidingItem.get("nhsNumberHeldBy").asText()).isEqualTo(holder);
        assertThat(freeItem.path("nhsNumberHeldBy").isMissingNode() || freeItem.get("nhsNumberHeldBy").isNull())
                .isTrue();
        // Each request on the person's audit trail.
        assertThat(auditOf(own)).anyMatch(entry -> entry.contains(PROBER) && entry.contains("identity: change "
                + colliding.json().get("changeId").asText() + " held for the DSR team to review"));
        assertThat(auditOf(own)).anyMatch(entry -> entry.contains(PROBER) && entry.contains("identity: change "
                + notColliding.json().get("changeId").asText() + " held for the DSR team to review"));
    }

    @Test
    void theDsrTeamAppliesOrRejectsAHeldChange() {
        String held = TestNhsNumbers.next();
        aPersonKnownAs(held);
        String own = theProbersOwnPerson();
        String free = TestNhsNumbers.next();
        String collidingChange = api.put("/people/" + own + "/identity", prober, identity("Colliding", held))
                .json().get("changeId").asText();
        String freeChange = api.put("/people/" + own + "/identity", prober, identity("Free", free))
                .json().get("changeId").asText();
        String changes = "/worklists/people/identity-changes/";

        ApiResponse refused = api.post(changes + collidingChange + "/application", dsrTeam, Map.of());
        ApiResponse rejected = api.post(changes + collidingChange + "/rejection", dsrTeam,
                Map.of("reason", "The number is the other person's; checked with the GP"));
        ApiResponse applied = api.post(changes + freeChange + "/application", dsrTeam, Map.of());

        ApiProblems.assertProblem(refused, 409, "urn:dsr:problem:nhs-number-belongs-to-another-person");
        assertThat(rejected.status()).as(rejected.text()).isEqualTo(204);
        assertThat(applied.status()).as(applied.text()).isEqualTo(204);
        ApiProblems.assertProblem(api.post(changes + collidingChange + "/application", dsrTeam, Map.of()), 404,
                "urn:dsr:problem:not-found");
        JsonNode record = api.get("/people/" + own, dsrTeam).json();
        assertThat(record.get("nhsNumber").asText()).isEqualTo(free);
        assertThat(record.get("givenName").asText()).isEqualTo("Free");
        assertThat(auditOf(own)).anyMatch(entry -> entry.contains("identity: held change " + freeChange + " applied"))
                .anyMatch(entry -> entry.contains("identity: held change " + collidingChange + " rejected"));
        assertThat(api.get(changes, prober).status()).as("the DSR team's worklist").isEqualTo(403);
    }

    @Test
    void theDsrTeamChangingAnIdentityIsStillToldOfACollision() {
        String held = TestNhsNumbers.next();
        aPersonKnownAs(held);
        String own = theProbersOwnPerson();

        ApiResponse response = api.put("/people/" + own + "/identity", dsrTeam, identity("Colliding", held));

        ApiProblems.assertProblem(response, 409, "urn:dsr:problem:nhs-number-belongs-to-another-person");
    }

    private JsonNode worklistItem(String changeId) {
        for (JsonNode item : api.get("/worklists/people/identity-changes?size=200", dsrTeam).json().get("items")) {
            if (item.get("changeId").asText().equals(changeId)) {
                return item;
            }
        }
        throw new AssertionError("identity change " + changeId + " is not on the DSR team's worklist");
    }

    // ---- helpers ----------------------------------------------------------------------------------------------------

    private List<String> auditOf(String personId) {
        List<String> entries = new ArrayList<>();
        // The audit trail is a lead's to read (issue 11).
        for (JsonNode entry : api.get("/people/" + personId + "/audit?size=200", journeys.dsrLead()).json().get("items")) {
            entries.add(entry.get("actor").asText() + " " + entry.get("action").asText() + " "
                    + entry.get("what").asText());
        }
        return entries;
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
