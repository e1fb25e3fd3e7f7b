package org.opendsr.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opendsr.referral.ApiProblems.assertProblem;
import static org.opendsr.referral.ApiProblems.assertProblemNaming;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opendsr.contracts.EventTypes;
import org.opendsr.kit.security.DsrRoles;
import org.opendsr.testkit.ApiClient.ApiResponse;
import org.opendsr.testkit.TestTokens;

/**
 * Issue 15, "each loop closed": {@code dsr.person.moved.v1} with {@code outOfArea} was published and nobody acted on
 * it. Someone on the register who moves out of the ICB's area now waits on {@code /worklists/moves-out-of-area} for
 * the DSR team of the area they moved from (and leads), to be resolved once: TRANSFERRED (to which area or ICB, a
 * code), REMOVED_FROM_REGISTER (after the register's own removal), or STAYING (a reason code). Audited; a resolved
 * item leaves the list; the same resolution again changes nothing.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MovesOutOfAreaWorklistApiTest extends ReferralServiceUnderTest {

    private static final String WORKLIST = "/worklists/moves-out-of-area";
    private static final String LEAD = "moves.lead@bsw-icb.example";
    private static final String SWINDON_TEAM = "moves.swindon.team@bsw-icb.example";
    private static final String WILTSHIRE_TEAM = "moves.wiltshire.team@bsw-icb.example";
    private static final String REFERRER = "moves.referrer@example.nhs";

    private String lead;
    private String swindonTeam;
    private String wiltshireTeam;
    private String referrer;
    private String outsider;
    private String analyst;
    private String admin;
    private String agencySystem;

    @BeforeAll
    void signIn() {
        lead = TestTokens.get().tokenFor(LEAD, DsrRoles.DSR_LEAD);
        swindonTeam = TestTokens.get().tokenFor(SWINDON_TEAM, List.of(DsrRoles.DSR_TEAM),
                Map.of("areas", List.of("SWINDON")), Duration.ofHours(1));
        wiltshireTeam = TestTokens.get().tokenFor(WILTSHIRE_TEAM, List.of(DsrRoles.DSR_TEAM),
                Map.of("areas", List.of("WILTSHIRE")), Duration.ofHours(1));
        referrer = TestTokens.get().tokenFor(REFERRER, DsrRoles.PROFESSIONAL);
        outsider = TestTokens.get().tokenFor("moves.outsider@example.nhs", DsrRoles.PROFESSIONAL);
        analyst = TestTokens.get().tokenFor("moves.analyst@bsw-icb.example", DsrRoles.ANALYST);
        admin = TestTokens.get().tokenFor("moves.admin@bsw-icb.example", DsrRoles.ADMIN);
        agencySystem = TestTokens.get().tokenFor("wiltshire-council", DsrRoles.AGENCY_SYSTEM);
    }

    private record Moved(String personId, String registerEntryId, String moveId) {
    }

    private static Map<String, Object> address(String locality) {
        return Map.of("line1", "4 Example Lane", "town", "Reading", "postcode", "RG1 1AA", "locality", locality);
    }

    /** Someone in Swindon put on the register, who then moves out of the ICB's area (recorded by the DSR team). */
    private Moved someoneOnTheRegisterMovesAway() {
        Journeys.OnRegister onRegister = journeys.putOnRegister(referrer, ReferralRequests.aReferralOfSomeoneNew());
        ApiResponse moved = api.put("/people/" + onRegister.personId() + "/address", swindonTeam,
                address("OUT_OF_AREA"));
        assertThat(moved.status()).as(moved.text()).isEqualTo(204);
        List<String> ids = database.column("SELECT id FROM move_out_of_area WHERE person_id = ?::uuid",
                onRegister.personId());
        assertThat(ids).as("on the worklist in the move's own transaction").hasSize(1);
        return new Moved(onRegister.personId(), onRegister.registerEntryId(), ids.get(0));
    }

    private Map<String, JsonNode> onWorklist(String token, int limit) {
        Map<String, JsonNode> items = new HashMap<>();
        String after = null;
        do {
            ApiResponse page = api.get(WORKLIST + "?limit=" + limit + (after == null ? "" : "&after=" + after), token);
            assertThat(page.status()).as(page.text()).isEqualTo(200);
            assertThat(page.json().get("items").size()).isLessThanOrEqualTo(limit);
            for (JsonNode item : page.json().get("items")) {
                assertThat(items.put(item.get("moveId").asText(), item)).as("each item on one page only").isNull();
            }
            after = page.json().path("next").isTextual() ? page.json().get("next").asText() : null;
        } while (after != null);
        return items;
    }

    private ApiResponse resolve(String moveId, String token, Map<String, Object> body) {
        return api.post(WORKLIST + "/" + moveId + "/resolution", token, body);
    }

    @Test
    void aMoveOutOfAreaPutsThePersonOnTheListOfTheTeamTheyLeft() {
        Moved moved = someoneOnTheRegisterMovesAway();

        JsonNode item = onWorklist(swindonTeam, 100).get(moved.moveId());

        assertThat(item).as("on the Swindon team's worklist").isNotNull();
        assertThat(item.get("personId").asText()).isEqualTo(moved.personId());
        assertThat(item.get("fromArea").asText()).isEqualTo("SWINDON");
        assertThat(item.get("registerEntryId").asText()).isEqualTo(moved.registerEntryId());
        assertThat(item.get("givenName").asText()).isNotBlank();
        assertThat(item.get("movedAt").asText()).isNotBlank();
        assertThat(item.has("postcode")).as("no more than the other worklists show").isFalse();
        assertThat(item.has("dateOfBirth")).isFalse();
        assertThat(database.count("SELECT count(*) FROM dsr_kit.audit_entry WHERE person_id = ?::uuid AND actor = ?"
                + " AND action = 'LISTED' AND what = 'moves-out-of-area worklist'", moved.personId(), SWINDON_TEAM))
                .isPositive();
        // A second out-of-area address is not a second move out of area; a move within the ICB is none.
        assertThat(api.put("/people/" + moved.personId() + "/address", swindonTeam, address("OUT_OF_AREA")).status())
                .isEqualTo(204);
        assertThat(database.count("SELECT count(*) FROM move_out_of_area WHERE person_id = ?::uuid",
                moved.personId())).isOne();
        Journeys.OnRegister stays = journeys.putOnRegister(referrer, ReferralRequests.aReferralOfSomeoneNew());
        assertThat(api.put("/people/" + stays.personId() + "/address", swindonTeam, address("WILTSHIRE")).status())
                .isEqualTo(204);
        assertThat(database.count("SELECT count(*) FROM move_out_of_area WHERE person_id = ?::uuid",
                stays.personId())).isZero();
    }

    @Test
    void aMoveOutOfAreaReportedByTheProvidingAgencyPutsThemOnTheListToo() {
        String nhsNumber = TestNhsNumbers.next();
        Journeys.OnRegister onRegister = journeys.putOnRegister(referrer, ReferralRequests.aReferralOfSomeoneNew()
                .with("nhsNumber", nhsNumber).with("dateOfBirth", "2010-09-23"));
        recordAsProvider(onRegister.personId(), AgencyTopics.WILTSHIRE_COUNCIL);

        events.publishAgencyEvent(EventsOnTopics.goldenSample(EventTypes.AGENCY_ADDRESS_CHANGED_V2,
                data -> data.put("nhsNumber", nhsNumber).put("dateOfBirth", "2010-09-23")
                        .put("locality", "OUT_OF_AREA")), nhsNumber);

        assertThat(events.awaitEvent(EventTypes.PERSON_MOVED_V1, onRegister.personId()).get("outOfArea").asBoolean())
                .isTrue();
        assertThat(database.column("SELECT from_area || ' ' || register_entry_id FROM move_out_of_area"
                + " WHERE person_id = ?::uuid AND resolution IS NULL", onRegister.personId()))
                .as("in the move's own transaction").containsExactly("SWINDON " + onRegister.registerEntryId());
        assertThat(onWorklist(swindonTeam, 100).values()).anySatisfy(item ->
                assertThat(item.get("personId").asText()).isEqualTo(onRegister.personId()));
    }

    @Test
    void theWorklistIsPagedWithACursor() {
        Set<String> mine = new LinkedHashSet<>();
        for (int i = 0; i < 3; i++) {
            mine.add(someoneOnTheRegisterMovesAway().moveId());
        }

        ApiResponse first = api.get(WORKLIST + "?limit=1", swindonTeam);
        Map<String, JsonNode> all = onWorklist(swindonTeam, 1);

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().get("items")).hasSize(1);
        assertThat(first.json().get("total").asLong()).isGreaterThanOrEqualTo(3);
        assertThat(first.json().get("next").asText()).isNotBlank();
        assertThat(all.keySet()).containsAll(mine);
        assertThat((long) all.size()).isEqualTo(first.json().get("total").asLong());
        assertProblemNaming(api.get(WORKLIST + "?limit=101", lead), "limit");
    }

    @Test
    void removalGoesThroughTheRegistersOwnRemovalThenTheItemIsResolvedOnce() {
        Moved moved = someoneOnTheRegisterMovesAway();
        Map<String, Object> removed = Map.of("outcome", "REMOVED_FROM_REGISTER");

        ApiResponse tooSoon = resolve(moved.moveId(), swindonTeam, removed);
        assertProblem(tooSoon, 409, "urn:dsr:problem:still-on-register");
        ApiResponse removal = api.post("/register/" + moved.registerEntryId() + "/removal", swindonTeam,
                Map.of("reason", "MOVED_OUT_OF_AREA"));
        assertThat(removal.status()).as(removal.text()).isEqualTo(200);
        ApiResponse resolved = resolve(moved.moveId(), swindonTeam, removed);
        ApiResponse again = resolve(moved.moveId(), lead, removed);
        ApiResponse staying = resolve(moved.moveId(), lead, Map.of("outcome", "STAYING",
                "stayingReason", "TEMPORARY_MOVE"));

        assertThat(resolved.status()).as(resolved.text()).isEqualTo(200);
        assertThat(resolved.json().get("resolution").asText()).isEqualTo("REMOVED_FROM_REGISTER");
        assertThat(resolved.json().get("registerEntryId").asText()).isEqualTo(moved.registerEntryId());
        assertThat(again.status()).as("the same again: unchanged").isEqualTo(200);
        assertThat(again.json().get("resolvedBy").asText()).isEqualTo(SWINDON_TEAM);
        assertProblem(staying, 409, "urn:dsr:problem:move-out-of-area-resolved");
        assertThat(onWorklist(swindonTeam, 100)).doesNotContainKey(moved.moveId());
        assertThat(onWorklist(lead, 100)).doesNotContainKey(moved.moveId());
        assertThat(database.count("SELECT count(*) FROM dsr_kit.audit_entry WHERE person_id = ?::uuid AND actor = ?"
                + " AND action = 'CHANGED' AND what = ? AND purpose = 'REGISTER_MANAGEMENT'", moved.personId(),
                SWINDON_TEAM, "move out of area " + moved.moveId() + " resolved: REMOVED_FROM_REGISTER")).isOne();
    }

    @Test
    void aTransferNamesTheAreaOrIcbAndStayingItsReason() {
        Moved transferred = someoneOnTheRegisterMovesAway();
        Moved staying = someoneOnTheRegisterMovesAway();

        ApiResponse toQox = resolve(transferred.moveId(), swindonTeam, Map.of("outcome", "TRANSFERRED",
                "transferredTo", "QOX"));
        ApiResponse placed = resolve(staying.moveId(), lead, Map.of("outcome", "STAYING",
                "stayingReason", "PLACEMENT_OUT_OF_AREA"));

        assertThat(toQox.status()).as(toQox.text()).isEqualTo(200);
        assertThat(toQox.json().get("transferredTo").asText()).isEqualTo("QOX");
        assertThat(placed.status()).as(placed.text()).isEqualTo(200);
        assertThat(placed.json().get("stayingReason").asText()).isEqualTo("PLACEMENT_OUT_OF_AREA");
        assertThat(database.column("SELECT resolution || ' ' || coalesce(transferred_to, staying_reason)"
                + " FROM move_out_of_area WHERE id IN (?::uuid, ?::uuid) ORDER BY resolution", transferred.moveId(),
                staying.moveId())).containsExactly("STAYING PLACEMENT_OUT_OF_AREA", "TRANSFERRED QOX");
        Map<String, JsonNode> open = onWorklist(lead, 100);
        assertThat(open).doesNotContainKeys(transferred.moveId(), staying.moveId());
    }

    @Test
    void aBadResolutionIsRefusedNamingTheFieldAndNothingIsWritten() {
        Moved moved = someoneOnTheRegisterMovesAway();
        String id = moved.moveId();

        assertProblemNaming(resolve(id, swindonTeam, Map.of()), "outcome");
        assertProblemNaming(resolve(id, swindonTeam, Map.of("outcome", "GONE")), "outcome");
        assertProblemNaming(resolve(id, swindonTeam, Map.of("outcome", "TRANSFERRED")), "transferredTo");
        assertProblemNaming(resolve(id, swindonTeam, Map.of("outcome", "TRANSFERRED", "transferredTo", " ")),
                "transferredTo");
        assertProblemNaming(resolve(id, swindonTeam, Map.of("outcome", "TRANSFERRED", "transferredTo",
                "somewhere in Kent")), "transferredTo");
        assertProblemNaming(resolve(id, swindonTeam, Map.of("outcome", "STAYING")), "stayingReason");
        assertProblemNaming(resolve(id, swindonTeam, Map.of("outcome", "STAYING", "stayingReason", "LIKES_IT")),
                "stayingReason");
        assertProblemNaming(resolve(id, swindonTeam, Map.of("outcome", "STAYING", "stayingReason", "TEMPORARY_MOVE",
                "transferredTo", "QOX")), "transferredTo");
        assertThat(database.column("SELECT resolution FROM move_out_of_area WHERE id = ?::uuid", id))
                .containsOnlyNulls();
        assertThat(onWorklist(swindonTeam, 100)).containsKey(id);
    }

    /**
     * Every role: the DSR team of the area the person moved from and leads. Once out of area the person belongs to no
     * area, so any DSR team may read their record; the move is still the business of the team they left.
     */
    @Test
    void onlyTheDsrTeamOfTheAreaTheyLeftAndLeadsSeeAndResolveIt() {
        Moved moved = someoneOnTheRegisterMovesAway();
        String id = moved.moveId();
        Map<String, Object> staying = Map.of("outcome", "STAYING", "stayingReason", "TEMPORARY_MOVE");

        assertThat(onWorklist(lead, 100)).as("a lead").containsKey(id);
        assertThat(onWorklist(swindonTeam, 100)).as("the team of the area they left").containsKey(id);
        assertThat(onWorklist(wiltshireTeam, 100)).as("another area's team").doesNotContainKey(id);
        for (String refused : List.of(referrer, outsider, analyst, admin, agencySystem)) {
            ApiResponse list = api.get(WORKLIST, refused);
            assertThat(list.status()).as(list.text()).isEqualTo(403);
            assertThat(resolve(id, refused, staying).status()).isEqualTo(403);
        }
        assertThat(api.get(WORKLIST, null).status()).as("no token").isEqualTo(401);
        assertThat(resolve(id, null, staying).status()).isEqualTo(401);

        assertProblem(resolve(id, wiltshireTeam, staying), 404, "urn:dsr:problem:not-found");
        assertProblem(resolve(UUID.randomUUID().toString(), lead, staying), 404, "urn:dsr:problem:not-found");
        assertThat(database.column("SELECT resolution FROM move_out_of_area WHERE id = ?::uuid", id))
                .containsOnlyNulls();
        assertThat(database.count("SELECT count(*) FROM dsr_kit.audit_entry WHERE person_id = ?::uuid AND actor = ?"
                + " AND outcome = 'REFUSED' AND what = ?", moved.personId(), WILTSHIRE_TEAM, "move out of area " + id))
                .isOne();
    }
}
