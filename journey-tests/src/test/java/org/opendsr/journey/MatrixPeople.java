package org.opendsr.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import org.opendsr.testkit.ApiClient;
import org.opendsr.testkit.ApiClient.ApiResponse;

/**
 * The people the access matrix calls about, made through the API as the DSR would make them: referred by the
 * "insider" professional, contacted by the DSR team of their area (Swindon), with consent recorded by the insider and
 * accepted onto the register. Each has a name, NHS number, date of birth and postcode of their own, so that a leak of
 * any of them is found in any answer. The values a route's path and body need come from here.
 */
final class MatrixPeople {

    private static final String AREA = "SWINDON";
    /** A postcode no other journey uses, so that finding it in an answer can only mean this person. */
    private static final String POSTCODE = "SN3 9QX";
    /** risk-service's shipped default rating tool (Swindon has no tool of its own). */
    private static final String DEFAULT_TOOL = "dsr-12-question";
    private static final Map<String, Object> ALL_CRITERIA_MET = Map.of("criteria", Map.of(
            "learningDisabilityOrAutism", true,
            "atRiskOfAdmissionOrPlacementBreakdown", true,
            "livesInIcbArea", true));

    private final ApiClient gateway;
    private final String insider;
    private final String dsrTeam;
    private final String outsider;
    private final AtomicInteger made = new AtomicInteger();
    private final Map<String, String> shared = new HashMap<>();

    MatrixPeople(ApiClient gateway, String insider, String dsrTeam, String outsider) {
        this.gateway = gateway;
        this.insider = insider;
        this.dsrTeam = dsrTeam;
        this.outsider = outsider;
    }

    /** One seeded person and what the API calls them by. */
    record Person(String givenName, String familyName, String nhsNumber, LocalDate dateOfBirth, String personId,
                  String referralId, String registerEntryId, String consentId) {

        /** Every form of their personal data an answer could carry. */
        List<String> personalData() {
            return List.of(givenName, familyName, nhsNumber, spaced(nhsNumber), dateOfBirth.toString(), POSTCODE);
        }

        String kindOf(String personal) {
            if (personal.equals(givenName) || personal.equals(familyName)) {
                return "name";
            }
            if (personal.equals(POSTCODE)) {
                return "postcode";
            }
            return personal.equals(dateOfBirth.toString()) ? "date of birth" : "NHS number";
        }

        /** The values routes about this person need, and the shared ones (a new NHS number for each call). */
        Map<String, String> values(MatrixPeople people, int call) {
            Map<String, String> values = new LinkedHashMap<>(people.sharedValues());
            values.put("personId", personId);
            values.put("referralId", referralId);
            values.put("registerEntryId", registerEntryId);
            values.put("consentId", consentId);
            values.put("givenName", givenName);
            values.put("familyName", familyName);
            values.put("nhsNumber", nhsNumber);
            values.put("dateOfBirth", dateOfBirth.toString());
            values.put("postcode", POSTCODE);
            values.put("area", AREA);
            values.put("today", LocalDate.now(ZoneId.of("Europe/London")).toString());
            // A booking a month ahead is in the future even for a risk-service whose clock a journey moved on.
            values.put("inAMonth", LocalDate.now(ZoneId.of("Europe/London")).plusDays(30).toString());
            values.put("toolId", DEFAULT_TOOL);
            values.put("version", "1");
            values.put("newGivenName", "Matrix" + letters(call));
            values.put("insiderSubject", "professional");
            return values;
        }

        /** Values made for one call only, when its route names them: each call gets its own record to act on. */
        String madeFor(String placeholder, MatrixPeople people) {
            return switch (placeholder) {
                case "newNhsNumber" -> people.nextNhsNumber();
                case "changeId" -> people.anIdentityChangeHeldForReview(this);
                case "flagId" -> people.aPossibleDuplicate(call(people));
                case "providingAgencyMembershipId" -> people.aProvidingAgency(this, call(people));
                case "requestId" -> people.aRequestToJoin(this, call(people));
                case "breakGlassMembershipId" -> people.aBreakGlassRead();
                case "obligationId" -> people.anObligation(this);
                default -> null;
            };
        }
    }

    /** A new person, on the register, whose care team is the insider (referrer), the Swindon team and leads. */
    Person acceptedOntoTheRegister() {
        int n = made.incrementAndGet();
        String givenName = "Ysolde" + letters(n);
        String familyName = "Matrixperson" + letters(n);
        LocalDate dateOfBirth = LocalDate.of(2005, 1 + n % 12, 1 + n % 28);
        String nhsNumber = nextNhsNumber();
        ApiResponse received = gateway.post("/api/referrals", insider, referral(givenName, familyName, dateOfBirth,
                nhsNumber));
        assertThat(received.status()).as("seeding a referral: " + received.text()).isEqualTo(201);
        String referralId = received.json().get("referralId").asText();
        String personId = received.json().get("personId").asText();

        ApiResponse contacted = gateway.post("/api/referrals/" + referralId + "/contact", dsrTeam, Map.of());
        assertThat(contacted.status()).as("seeding the first contact: " + contacted.text()).isBetween(200, 204);

        // consent-service learns of the person and of the insider's place in their care team from events.
        String[] consentId = new String[1];
        AccessMatrixTest.eventually(() -> {
            ApiResponse consent = gateway.post("/api/consents", insider, Map.of(
                    "personId", personId, "basis", "INFORMED_CONSENT", "givenBy", "THE_PERSON",
                    "givenOn", LocalDate.now(ZoneId.of("Europe/London")).toString(), "explainedWith", "EASY_READ",
                    "formKeptAt", "Scanned to the community learning disability team record"));
            assertThat(consent.status()).as("seeding consent: " + consent.text()).isEqualTo(201);
            consentId[0] = consent.json().get("consentId").asText();
        });
        AccessMatrixTest.eventually(() -> {
            ApiResponse accepted = gateway.post("/api/referrals/" + referralId + "/acceptance", dsrTeam, ALL_CRITERIA_MET);
            assertThat(accepted.status()).as("seeding the acceptance: " + accepted.text()).isBetween(200, 201);
        });
        // risk-service learns that they are on the register, and who their care team is, from referral-service's events.
        AccessMatrixTest.eventually(() -> {
            ApiResponse rating = gateway.get("/api/ratings/people/" + personId, insider);
            assertThat(rating.status()).as("risk-service knowing the person: " + rating.text()).isEqualTo(200);
            assertThat(rating.json().path("onRegister").asBoolean()).as(rating.text()).isTrue();
        });
        JsonNode record = gateway.get("/api/people/" + personId, dsrTeam).json();
        String registerEntryId = record.get("register").get("registerEntryId").asText();
        return new Person(givenName, familyName, nhsNumber, dateOfBirth, personId, referralId, registerEntryId,
                consentId[0]);
    }

    /** Values shared by every call: the ones that need a record of their own kind (a possible duplicate, ...). */
    Map<String, String> sharedValues() {
        if (shared.isEmpty()) {
            shared.put("selfReferralId", aSelfOrFamilyReferral());
        }
        return shared;
    }

    /**
     * Two people with one name and date of birth and different NHS numbers: a DSR team's worklist item, made for each
     * call that resolves one (a resolved flag is gone).
     */
    String aPossibleDuplicate(int n) {
        LocalDate dateOfBirth = LocalDate.of(2003, 7, 9);
        String familyName = "Matrixtwin" + letters(n);
        String second = null;
        for (int i = 0; i < 2; i++) {
            ApiResponse received = gateway.post("/api/referrals", insider,
                    referral("Tamsin", familyName, dateOfBirth, nextNhsNumber()));
            assertThat(received.status()).as("seeding a possible duplicate: " + received.text()).isEqualTo(201);
            second = received.json().get("personId").asText();
        }
        String newcomer = second;
        String[] flagId = new String[1];
        AccessMatrixTest.eventually(() -> {
            String after = null;
            do {
                ApiResponse flags = gateway.get("/api/worklists/people/possible-duplicates?limit=100"
                        + (after == null ? "" : "&after=" + after), dsrTeam);
                assertThat(flags.status()).as(flags.text()).isEqualTo(200);
                for (JsonNode flag : flags.json().get("items")) {
                    if (newcomer.equals(flag.at("/person/personId").asText())
                            || newcomer.equals(flag.at("/possibleDuplicate/personId").asText())) {
                        flagId[0] = flag.get("flagId").asText();
                    }
                }
                after = flags.json().path("next").isTextual() ? flags.json().get("next").asText() : null;
            } while (after != null && flagId[0] == null);
            assertThat(flagId[0]).as("the pair on the Swindon team's worklist").isNotNull();
        });
        return flagId[0];
    }

    private static int call(MatrixPeople people) {
        return people.made.incrementAndGet();
    }

    /** An agency the Swindon team records as providing the person's care: a membership the DSR team may end. */
    String aProvidingAgency(Person person, int n) {
        ApiResponse recorded = gateway.post("/api/people/" + person.personId() + "/care-team/providing-agencies",
                dsrTeam, Map.of("agencyId", "matrix-agency-" + letters(n)));
        assertThat(recorded.status()).as("seeding a providing agency: " + recorded.text()).isBetween(200, 201);
        return recorded.json().get("membershipId").asText();
    }

    /**
     * One of the person's obligations for a call that books, completes or closes one: an open one while there is
     * one (a closed one is refused with 409, which still shows that the caller was let in). Accepted with the
     * referrer's AMBER, an under-25 is owed a multi-agency review and a keyworker referral; should they have none, the
     * Swindon team rates them RED, which obliges a community C(E)TR.
     */
    String anObligation(Person person) {
        String path = "/api/ratings/people/" + person.personId() + "/obligations";
        String[] chosen = new String[1];
        boolean[] rated = new boolean[1];
        AccessMatrixTest.eventually(() -> {
            ApiResponse list = gateway.get(path, dsrTeam);
            assertThat(list.status()).as("reading the obligations: " + list.text()).isEqualTo(200);
            for (JsonNode obligation : list.json().get("obligations")) {
                boolean open = List.of("DUE", "BOOKED", "OVERDUE").contains(obligation.get("status").asText());
                if (chosen[0] == null || open) {
                    chosen[0] = obligation.get("obligationId").asText();
                }
                if (open) {
                    break;
                }
            }
            if (chosen[0] == null && !rated[0]) {
                rated[0] = true;
                ApiResponse red = gateway.post("/api/ratings/people/" + person.personId(), dsrTeam, Map.of(
                        "rating", "RED", "rationale", "Placement breaking down", "discussedWithPersonAndFamily", true));
                assertThat(red.status()).as("seeding a RED rating: " + red.text()).isBetween(200, 201);
            }
            assertThat(chosen[0]).as("an obligation of the person").isNotNull();
        });
        return chosen[0];
    }

    /** The insider names a professional (who has no token here) as a key professional: a request to confirm. */
    String aRequestToJoin(Person person, int n) {
        String subject = "matrix-visitor-" + letters(n);
        ApiResponse named = gateway.put("/api/people/" + person.personId() + "/key-professionals", insider, Map.of(
                "keyProfessionals", List.of(Map.of("name", "Visiting Nurse", "role", "Community nurse",
                        "organisation", "Swindon Community Health", "phone", "07700 900459", "userId", subject))));
        assertThat(named.status()).as("seeding a request to join: " + named.text()).isBetween(200, 204);
        String[] requestId = new String[1];
        AccessMatrixTest.eventually(() -> {
            ApiResponse requests = gateway.get("/api/care-team-requests?size=100", dsrTeam);
            assertThat(requests.status()).as(requests.text()).isEqualTo(200);
            for (JsonNode request : requests.json().get("items")) {
                if (subject.equals(request.get("subject").asText())) {
                    requestId[0] = request.get("requestId").asText();
                }
            }
            assertThat(requestId[0]).as("the request on the Swindon team's worklist").isNotNull();
        });
        return requestId[0];
    }

    private String glassPerson;

    /**
     * A break-glass read for a lead to review, declared by the outsider about a person of its own (so that the
     * outsider's access to the people the matrix asks about never changes).
     */
    String aBreakGlassRead() {
        if (glassPerson == null) {
            glassPerson = acceptedOntoTheRegister().personId();
        }
        ApiResponse declared = gateway.post("/api/people/" + glassPerson + "/break-glass", outsider,
                Map.of("reason", "Called by the police about the person at night"));
        assertThat(declared.status()).as("seeding a break-glass read: " + declared.text()).isBetween(200, 201);
        return declared.json().get("membershipId").asText();
    }

    /** The insider's change of the person's identity (the same values), held for the DSR team's review. */
    String anIdentityChangeHeldForReview(Person person) {
        ApiResponse held = gateway.put("/api/people/" + person.personId() + "/identity", insider, Map.of(
                "givenName", person.givenName(), "familyName", person.familyName(),
                "dateOfBirth", person.dateOfBirth().toString(), "nhsNumber", person.nhsNumber()));
        assertThat(held.status()).as("seeding an identity change for review: " + held.text()).isEqualTo(202);
        return held.json().get("changeId").asText();
    }

    private String aSelfOrFamilyReferral() {
        ApiResponse received = gateway.post("/api/referrals/self-or-family", dsrTeam, Map.of(
                "givenName", "Kerensa", "familyName", "Matrixself", "postcode", "SN2 1AA",
                "phone", "07700 900456", "locality", AREA));
        assertThat(received.status()).as("seeding a self or family referral: " + received.text()).isEqualTo(201);
        return received.json().get("referralId").asText();
    }

    private static Map<String, Object> referral(String givenName, String familyName, LocalDate dateOfBirth,
                                                String nhsNumber) {
        return Map.of("givenName", givenName, "familyName", familyName, "dateOfBirth", dateOfBirth.toString(),
                "nhsNumber", nhsNumber, "postcode", POSTCODE, "locality", AREA, "diagnosis", "AUTISM",
                "reasonForReferral", "Placement at risk of breaking down",
                "currentIssues", "Escalating distress at home", "indicativeRag", "AMBER");
    }

    private final AtomicInteger nhsNumbers = new AtomicInteger();

    /**
     * A valid test NHS number (999 000 0000 - 999 999 9999 are never issued) not used by another journey: the
     * matrix takes 999 77x xxxx, with the modulus 11 check digit.
     */
    String nextNhsNumber() {
        while (true) {
            String nine = String.format("99977%04d", nhsNumbers.incrementAndGet());
            int sum = 0;
            for (int i = 0; i < 9; i++) {
                sum += (nine.charAt(i) - '0') * (10 - i);
            }
            int check = 11 - sum % 11;
            if (check == 10) {
                continue;
            }
            return nine + (check == 11 ? 0 : check);
        }
    }

    private static String spaced(String nhsNumber) {
        return nhsNumber.substring(0, 3) + " " + nhsNumber.substring(3, 6) + " " + nhsNumber.substring(6);
    }

    /** A number as letters (names are letters only): 1 = "a", 27 = "ba". */
    static String letters(int n) {
        StringBuilder letters = new StringBuilder();
        int rest = n;
        do {
            letters.insert(0, (char) ('a' + rest % 26));
            rest /= 26;
        } while (rest > 0);
        return letters.toString();
    }
}
