package org.opendsr.risk.updates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.annotation.Value;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.opendsr.contracts.EventTypes;
import org.opendsr.contracts.Topics;
import org.opendsr.contracts.access.CareTeamRole;
import org.opendsr.contracts.common.RagRating;
import org.opendsr.kit.audit.AuditLog;
import org.opendsr.kit.audit.AuditPage;
import org.opendsr.testkit.events.ReferralEvents;
import org.opendsr.risk.support.RiskServiceUnderTest;
import org.opendsr.risk.updates.application.SweepingOverdueUpdates;
import org.opendsr.testkit.ApiClient.ApiResponse;
import org.opendsr.testkit.TopicReader;

/**
 * The updates box through risk-service's API on real PostgreSQL and Kafka (DOMAIN.md "Risk rating", updates box: the
 * responsible professional posts a brief update at least every 14 days for RED and AMBER, every month for GREEN;
 * overdue updates are flagged). Each test has people of its own; the test clock only moves forward.
 */
@MicronautTest(transactional = false)
class UpdatesApiTest extends RiskServiceUnderTest {

    private static final String RESPONSIBLE = "professional-responsible-" + UUID.randomUUID();

    @Value("${datasources.default.url}")
    String databaseUrl;

    @Value("${datasources.default.username}")
    String databaseUser;

    @Value("${datasources.default.password}")
    String databasePassword;

    @Inject
    SweepingOverdueUpdates sweep;

    @Inject
    AuditLog auditLog;

    private static String updates(UUID personId) {
        return "/ratings/people/" + personId + "/updates";
    }

    private UUID amberOnRegister() {
        UUID personId = referrals.onRegister(RagRating.AMBER);
        api.awaitRating(personId, "AMBER");
        return personId;
    }

    private ApiResponse post(UUID personId, String token, Object text) {
        return api.http.post(updates(personId), token, text == null ? Map.of() : Map.of("text", text));
    }

    @Test
    void theCareTeamPostsAnUpdateAndTheNextIsDue14DaysLaterForAmber() {
        UUID personId = amberOnRegister();
        LocalDate today = api.today();

        ApiResponse posted = post(personId, api.professional, "  Stable; placement holding, family coping.  ");

        assertThat(posted.status()).as(posted.text()).isEqualTo(201);
        assertThat(posted.json().get("postedBy").asText()).isEqualTo(ReferralEvents.REFERRER);
        assertThat(posted.json().get("nextDueOn").asText()).isEqualTo(today.plusDays(14).toString());
        UUID updateId = UUID.fromString(posted.json().get("updateId").asText());

        ApiResponse box = api.http.get(updates(personId), api.dsrTeam);
        assertThat(box.status()).as(box.text()).isEqualTo(200);
        assertThat(box.json().get("schedule").get("cadence").asText()).isEqualTo("P14D");
        assertThat(box.json().get("schedule").get("nextDueOn").asText()).isEqualTo(today.plusDays(14).toString());
        assertThat(box.json().get("updates")).singleElement().satisfies(update -> {
            assertThat(update.get("updateId").asText()).isEqualTo(updateId.toString());
            // Trimmed.
            assertThat(update.get("text").asText()).isEqualTo("Stable; placement holding, family coping.");
        });
        assertThat(outboxCount(personId, EventTypes.RISK_UPDATE_POSTED_V1)).isEqualTo(1);
        // Audited, with the text as the new value: the audit store is risk-service's own.
        // Read through the kit, which decrypts: an entry's values about a person are stored under their audit key.
        List<String> audited = auditLog.ofPerson(personId, null, AuditPage.MAX_SIZE).items().stream()
                .filter(entry -> entry.action().equals("UPDATE_POSTED") && entry.outcome().equals("ALLOWED"))
                .map(entry -> entry.actor() + " " + entry.newValues()).toList();
        assertThat(audited).singleElement().satisfies(entry -> assertThat(entry)
                .startsWith(ReferralEvents.REFERRER).contains(updateId.toString())
                .contains("Stable; placement holding, family coping."));
    }

    @Test
    void theCadenceFollowsTheRatingGreenMonthlyRedFortnightlyBlueWithTheAdultsOversightVisits() {
        UUID personId = referrals.onRegister(RagRating.GREEN);
        api.awaitRating(personId, "GREEN");
        LocalDate today = api.today();
        assertThat(scheduleOf(personId).get("cadence").asText()).isEqualTo("P1M");
        assertThat(scheduleOf(personId).get("nextDueOn").asText()).isEqualTo(today.plusMonths(1).toString());

        ApiResponse red = api.rate(personId, api.dsrLead, org.opendsr.risk.support.RiskApi.decision("RED"));
        assertThat(red.status()).as(red.text()).isIn(200, 201);
        assertThat(scheduleOf(personId).get("cadence").asText()).isEqualTo("P14D");
        assertThat(scheduleOf(personId).get("nextDueOn").asText()).isEqualTo(today.plusDays(14).toString());

        referrals.admitted(personId, today);
        api.awaitRating(personId, "BLUE");
        assertThat(scheduleOf(personId).get("cadence").asText()).isEqualTo("P56D");
        // A rating change never puts off an update that is due: the RED date stays.
        assertThat(scheduleOf(personId).get("nextDueOn").asText()).isEqualTo(today.plusDays(14).toString());
    }

    private JsonNode scheduleOf(UUID personId) {
        ApiResponse box = api.http.get(updates(personId), api.dsrLead);
        assertThat(box.status()).as(box.text()).isEqualTo(200);
        return box.json().get("schedule");
    }

    @Test
    void theEventSaysAnUpdateWasPostedNeverWhatItSays() {
        UUID personId = amberOnRegister();
        String text = "Crisis line called twice " + UUID.randomUUID();

        ApiResponse posted = post(personId, api.dsrLead, text);
        assertThat(posted.status()).as(posted.text()).isEqualTo(201);

        try (TopicReader reader = TopicReader.fromBeginning(Topics.RISK_EVENTS)) {
            var record = reader.awaitRecord(r -> personId.toString().equals(r.key())
                    && r.value().contains(EventTypes.RISK_UPDATE_POSTED_V1));
            assertThat(record.value()).contains(posted.json().get("updateId").asText()).doesNotContain(text)
                    .doesNotContain("Crisis line");
        }
    }

    @Test
    void updatesAreListedNewestFirstAPageAtATime() {
        UUID personId = amberOnRegister();
        for (int i = 1; i <= 3; i++) {
            assertThat(post(personId, api.professional, "Update " + i).status()).isEqualTo(201);
        }

        ApiResponse first = api.http.get(updates(personId) + "?limit=2", api.professional);
        assertThat(first.json().get("updates").findValuesAsText("text")).containsExactly("Update 3", "Update 2");
        String next = first.json().get("next").asText();
        ApiResponse second = api.http.get(updates(personId) + "?limit=2&after=" + next, api.professional);
        assertThat(second.json().get("updates").findValuesAsText("text")).containsExactly("Update 1");
        assertThat(second.json().get("next").isNull()).isTrue();
    }

    @Test
    void emptyTextIsRefusedNamingTextAndNothingIsWritten() {
        UUID personId = amberOnRegister();

        for (Object text : new Object[] {"   ", "", null, "x".repeat(2001)}) {
            ApiResponse refused = post(personId, api.professional, text);
            assertThat(refused.status()).as(refused.text()).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.json().get("errors").findValuesAsText("field")).contains("text");
        }
        assertThat(api.http.get(updates(personId), api.professional).json().get("updates")).isEmpty();
        assertThat(outboxCount(personId, EventTypes.RISK_UPDATE_POSTED_V1)).isZero();
    }

    @Test
    void noUpdateForSomeoneNotOnTheRegister() {
        UUID personId = UUID.randomUUID();
        referrals.referred(personId, org.opendsr.contracts.common.LifeStage.ADULT,
                org.opendsr.contracts.common.AgeBand.AGE_25_TO_34, clock.instant());
        await().atMost(Duration.ofSeconds(60)).until(
                () -> api.http.get("/ratings/people/" + personId, api.dsrLead).status() == 200);

        ApiResponse refused = post(personId, api.dsrLead, "Referred, not yet accepted");

        assertThat(refused.status()).as(refused.text()).isEqualTo(409);
        assertThat(refused.json().get("type").asText()).isEqualTo("urn:dsr:problem:not-on-register");
        assertThat(outboxCount(personId, EventTypes.RISK_UPDATE_POSTED_V1)).isZero();
    }

    @Test
    void onlyThoseWhoMayChangeThePersonsRecordsPost() {
        UUID personId = amberOnRegister();

        assertThat(post(personId, api.anotherProfessional, "Not my person").status()).isEqualTo(404);
        assertThat(post(personId, api.dsrTeamInWiltshire, "Not my area").status()).isEqualTo(404);
        assertThat(post(personId, api.analyst, "Analysts never see ratings").status()).isEqualTo(403);
        assertThat(post(personId, api.admin, "Admins neither").status()).isEqualTo(403);
        assertThat(post(personId, api.agencySystem, "Agencies neither").status()).isEqualTo(403);
        assertThat(api.http.get(updates(personId), api.anotherProfessional).status()).isEqualTo(404);
        assertThat(outboxCount(personId, EventTypes.RISK_UPDATE_POSTED_V1)).isZero();
    }

    @Test
    void aBreakGlassReaderMayReadTheBoxButNotPost() {
        UUID personId = amberOnRegister();
        referrals.careTeam(personId, ReferralEvents.AREA,
                referrals.member(ReferralEvents.REFERRER, CareTeamRole.REFERRER),
                referrals.breakGlass("professional-2"));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> api.http.get(updates(personId), api.anotherProfessional).status() == 200);

        ApiResponse refused = post(personId, api.anotherProfessional, "Read only");

        assertThat(refused.status()).as(refused.text()).isEqualTo(403);
    }

    @Test
    void theSweepAnnouncesAMissedUpdateOnceAndPostingClearsIt() {
        UUID personId = amberOnRegister();
        LocalDate dueOn = api.today().plusDays(14);
        var dayAfter = dueOn.plusDays(1).atTime(12, 0).atZone(ZoneId.of("Europe/London")).toInstant();

        sweep.sweep(dueOn.atTime(12, 0).atZone(ZoneId.of("Europe/London")).toInstant());
        assertThat(outboxCount(personId, EventTypes.RISK_UPDATE_OVERDUE_V1)).isZero();

        sweep.sweep(dayAfter);
        sweep.sweep(dayAfter.plus(Duration.ofDays(3)));

        List<String> payloads = outboxPayloads(personId, EventTypes.RISK_UPDATE_OVERDUE_V1);
        assertThat(payloads).singleElement().satisfies(payload -> assertThat(payload)
                .contains("\"dueOn\": \"" + dueOn + "\"").contains("\"rating\": \"AMBER\""));
        assertThat(api.http.get(updates(personId), api.professional).json().get("schedule").get("overdueSince")
                .asText()).isEqualTo(dueOn.plusDays(1).toString());

        assertThat(post(personId, api.professional, "Seen today").status()).isEqualTo(201);
        assertThat(api.http.get(updates(personId), api.professional).json().get("schedule").has("overdueSince"))
                .isFalse();
    }

    @Test
    void theOverdueWorklistShowsWhoseUpdateIsOverdueToThoseWhoMaySeeThem() {
        UUID personId = amberOnRegister();
        referrals.careTeam(personId, ReferralEvents.AREA,
                referrals.member(ReferralEvents.REFERRER, CareTeamRole.REFERRER),
                referrals.member(RESPONSIBLE, CareTeamRole.RESPONSIBLE_PROFESSIONAL));
        await().atMost(Duration.ofSeconds(60)).until(() -> responsibleOf(personId).contains(RESPONSIBLE));
        LocalDate dueOn = api.today().plusDays(14);

        api.advanceClockByDays(16);

        JsonNode entry = await().atMost(Duration.ofSeconds(30))
                .until(() -> entryOf(worklist("", api.dsrLead), personId), found -> found != null);
        assertThat(entry.get("rating").asText()).isEqualTo("AMBER");
        assertThat(entry.get("nextDueOn").asText()).isEqualTo(dueOn.toString());
        assertThat(entry.get("daysOverdue").asLong()).isEqualTo(2);
        assertThat(entry.get("area").asText()).isEqualTo(ReferralEvents.AREA);
        assertThat(entry.get("responsibleProfessionals").toString()).contains(RESPONSIBLE);

        assertThat(entryOf(worklist("?area=" + ReferralEvents.AREA, api.dsrTeam), personId)).isNotNull();
        assertThat(entryOf(worklist("?responsibleProfessional=" + RESPONSIBLE, api.dsrLead), personId)).isNotNull();
        assertThat(entryOf(worklist("?responsibleProfessional=someone-else", api.dsrLead), personId)).isNull();
        assertThat(entryOf(worklist("?area=WILTSHIRE", api.dsrLead), personId)).isNull();
        // Scope, in SQL: the referrer is in the care team; another professional and another area's team are not.
        assertThat(entryOf(worklist("", api.professional), personId)).isNotNull();
        assertThat(entryOf(worklist("", api.anotherProfessional), personId)).isNull();
        assertThat(entryOf(worklist("", api.dsrTeamInWiltshire), personId)).isNull();
        for (String refused : List.of(api.analyst, api.admin, api.agencySystem)) {
            assertThat(api.http.get("/ratings/worklists/overdue-updates", refused).status()).isEqualTo(403);
        }

        assertThat(post(personId, api.professional, "Visited; calmer this week").status()).isEqualTo(201);
        assertThat(entryOf(worklist("", api.dsrLead), personId)).isNull();
    }

    @Test
    void theWorklistIsOldestDueFirstAPageAtATime() {
        UUID earlier = amberOnRegister();
        api.advanceClockByDays(2);
        UUID later = amberOnRegister();
        api.advanceClockByDays(15);

        List<UUID> order = new ArrayList<>();
        String after = null;
        do {
            ApiResponse page = api.http.get("/ratings/worklists/overdue-updates?limit=1"
                    + (after == null ? "" : "&after=" + after), api.dsrLead);
            assertThat(page.status()).as(page.text()).isEqualTo(200);
            assertThat(page.json().get("entries").size()).isLessThanOrEqualTo(1);
            page.json().get("entries").forEach(entry -> order.add(UUID.fromString(entry.get("personId").asText())));
            after = page.json().get("next").isNull() ? null : page.json().get("next").asText();
        } while (after != null);

        assertThat(order).contains(earlier, later).doesNotHaveDuplicates();
        assertThat(order.indexOf(earlier)).isLessThan(order.indexOf(later));
        assertThat(api.http.get("/ratings/worklists/overdue-updates?limit=201", api.dsrLead).status()).isEqualTo(400);
        assertThat(api.http.get("/ratings/worklists/overdue-updates?after=not-a-cursor", api.dsrLead).status())
                .isEqualTo(400);
    }

    @Test
    void aPersonWhoLeftTheRegisterIsOnNoWorklist() {
        UUID personId = amberOnRegister();
        referrals.removedFromRegister(personId, org.opendsr.contracts.referral.RemovalReason.STEPPED_DOWN);
        await().atMost(Duration.ofSeconds(60)).until(() -> !api.ratingOf(personId).get("onRegister").asBoolean());

        api.advanceClockByDays(20);

        assertThat(entryOf(worklist("", api.dsrLead), personId)).isNull();
        assertThat(post(personId, api.dsrLead, "Too late").status()).isEqualTo(409);
    }

    /** The worklist as this caller sees it, with these filters, every page. */
    private List<JsonNode> worklist(String query, String token) {
        List<JsonNode> entries = new ArrayList<>();
        String after = null;
        do {
            ApiResponse response = api.http.get("/ratings/worklists/overdue-updates" + query
                    + (query.isEmpty() ? "?" : "&") + "limit=200" + (after == null ? "" : "&after=" + after), token);
            assertThat(response.status()).as(response.text()).isEqualTo(200);
            response.json().get("entries").forEach(entries::add);
            after = response.json().get("next").isNull() ? null : response.json().get("next").asText();
        } while (after != null);
        return entries;
    }

    /** The person's entry; null when they are not on the worklist. */
    private static JsonNode entryOf(List<JsonNode> entries, UUID personId) {
        return entries.stream().filter(entry -> entry.get("personId").asText().equals(personId.toString()))
                .findFirst().orElse(null);
    }

    private List<String> responsibleOf(UUID personId) {
        List<String> subjects = new ArrayList<>();
        query("SELECT subject FROM dsr_kit.care_team_member WHERE person_id = ? AND role = ?", statement -> {
            statement.setObject(1, personId);
            statement.setString(2, CareTeamRole.RESPONSIBLE_PROFESSIONAL.name());
        }, rows -> {
            while (rows.next()) {
                subjects.add(rows.getString(1));
            }
        });
        return subjects;
    }

    private long outboxCount(UUID personId, String type) {
        return outboxPayloads(personId, type).size();
    }

    private List<String> outboxPayloads(UUID personId, String type) {
        List<String> payloads = new ArrayList<>();
        query("SELECT payload::text FROM dsr_kit.outbox_event WHERE aggregateid = ? AND type = ? ORDER BY position",
                statement -> {
                    statement.setString(1, personId.toString());
                    statement.setString(2, type);
                }, rows -> {
                    while (rows.next()) {
                        payloads.add(rows.getString(1));
                    }
                });
        return payloads;
    }

    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private interface Reader {
        void read(ResultSet rows) throws SQLException;
    }

    private void query(String sql, Binder binder, Reader reader) {
        try (Connection connection = DriverManager.getConnection(databaseUrl, databaseUser, databasePassword);
             PreparedStatement statement = connection.prepareStatement(sql)) {
            binder.bind(statement);
            try (ResultSet rows = statement.executeQuery()) {
                reader.read(rows);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
