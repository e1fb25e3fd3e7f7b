package org.opendsr.consent;

import org.opendsr.testkit.events.ReferralEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.opendsr.consent.support.ConsentRequests.bestInterestsDecision;
import static org.opendsr.consent.support.ConsentRequests.informedConsent;
import static org.opendsr.consent.support.ConsentRequests.withdrawal;
import static org.opendsr.testkit.events.ReferralEvents.AREA;
import static org.opendsr.testkit.events.ReferralEvents.REFERRER;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micronaut.context.annotation.Value;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opendsr.consent.support.ConsentAuditTrail;
import org.opendsr.contracts.access.CareTeamMember;
import org.opendsr.contracts.access.CareTeamRole;
import org.opendsr.contracts.common.AgeBand;
import org.opendsr.contracts.common.LifeStage;
import org.opendsr.kit.access.Caller;
import org.opendsr.kit.audit.AuditLog;
import org.opendsr.kit.audit.AuditPage;
import org.opendsr.kit.audit.AuditRecord;
import org.opendsr.kit.security.DsrRoles;
import org.opendsr.testkit.ApiClient.ApiResponse;
import org.opendsr.testkit.TestTokens;

/**
 * Issue 11 finding 5, closed: consent-service decides who may read and change a person's consents from the care team
 * referral-service publishes, by the kit's one need-to-know policy, through its HTTP API on a real database and
 * broker. Recording (a best-interests decision included), renewing and withdrawing need to be in the person's care
 * team now, or the DSR team of their area, or a lead; reading also allows a break-glass reader; anyone else is told
 * the person or consent does not exist, exactly as for an unknown id. Every read, change and refusal is audited.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsentNeedToKnowTest extends ConsentServiceUnderTest {

    /** The person's responsible professional, who did not record their consent. */
    static final String RESPONSIBLE = "professional-4";
    /** A professional who declared a break-glass read of the person. */
    static final String BREAK_GLASS_READER = "professional-3";

    @Value("${datasources.default.url}")
    String databaseUrl;

    @Value("${datasources.default.username}")
    String databaseUser;

    @Value("${datasources.default.password}")
    String databasePassword;

    @Inject
    AuditLog auditLog;

    private ConsentAuditTrail audit;
    private LocalDate today;
    private final String responsible = TestTokens.get().tokenFor(RESPONSIBLE, DsrRoles.PROFESSIONAL);
    private final String breakGlassReader = TestTokens.get().tokenFor(BREAK_GLASS_READER, DsrRoles.PROFESSIONAL);

    @BeforeAll
    void prepare() {
        today = api.today();
        audit = new ConsentAuditTrail(databaseUrl, databaseUser, databasePassword);
    }

    /**
     * A person referred by professional-1 in SWINDON, whose care team then gained a responsible professional and a
     * break-glass reader; returned once consent-service holds that team.
     */
    private UUID personWithCareTeam() {
        UUID personId = UUID.randomUUID();
        referrals.referred(personId, LifeStage.ADULT, AgeBand.AGE_25_TO_34, Instant.now());
        referrals.careTeam(personId, AREA, referrals.member(REFERRER, CareTeamRole.REFERRER),
                referrals.member(RESPONSIBLE, CareTeamRole.RESPONSIBLE_PROFESSIONAL),
                referrals.breakGlass(BREAK_GLASS_READER));
        awaitReadableBy(personId, breakGlassReader);
        return personId;
    }

    private void awaitReadableBy(UUID personId, String token) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                .until(() -> api.http.get("/consents/people/" + personId, token).status() == 200);
    }

    private String consentOf(UUID personId) {
        return api.recorded(informedConsent(personId, today)).get("consentId").asText();
    }

    private ApiResponse record(String token, Map<String, Object> request) {
        return api.http.post("/consents", token, request);
    }

    private ApiResponse withdraw(String token, String consentId) {
        return api.http.post("/consents/" + consentId + "/withdrawal", token, withdrawal("PERSON_WITHDREW"));
    }

    private static void assertStatus(ApiResponse response, int status) {
        assertThat(response.status()).as(response.text()).isEqualTo(status);
    }

    /** The refusal is the unknown id's, to the letter: nothing tells a known person or consent from an unknown one. */
    private static void assertSameAs(ApiResponse refused, ApiResponse unknown) {
        assertStatus(unknown, 404);
        assertStatus(refused, 404);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        for (String member : List.of("type", "title", "status", "detail", "errors")) {
            assertThat(String.valueOf(refused.json().get(member))).as(member)
                    .isEqualTo(String.valueOf(unknown.json().get(member)));
        }
    }

    private List<String> statusesOf(UUID personId) {
        return api.history(personId).get("consents").findValuesAsText("status");
    }

    private static boolean hasEntry(List<ConsentAuditTrail.Entry> entries, String actor, String action,
                                    String outcome) {
        return entries.stream().anyMatch(entry -> entry.actor().equals(actor) && entry.action().equals(action)
                && entry.outcome().equals(outcome));
    }

    @Nested
    @DisplayName("Recording and renewing consent")
    class Recording {

        @Test
        void aCareTeamMemberTheAreasDsrTeamAndALeadRecordConsent() {
            for (String token : List.of(api.professional, responsible, api.dsrTeam, api.dsrLead)) {
                assertStatus(record(token, informedConsent(personWithCareTeam(), today)), 201);
            }
        }

        @Test
        void withoutNeedToKnowRecordingIsRefusedExactlyAsForAPersonNobodyReferred() {
            UUID personId = personWithCareTeam();
            ApiResponse unknown = record(api.anotherProfessional, informedConsent(UUID.randomUUID(), today));

            assertSameAs(record(api.anotherProfessional, informedConsent(personId, today)), unknown);
            assertSameAs(record(api.anotherProfessional, bestInterestsDecision(personId, today)), unknown);
            assertSameAs(record(api.dsrTeamInWiltshire, informedConsent(personId, today)), unknown);

            assertThat(statusesOf(personId)).isEmpty();
            List<ConsentAuditTrail.Entry> entries = audit.about(personId);
            assertThat(hasEntry(entries, "professional-2", "RECORDED", "REFUSED")).as("%s", entries).isTrue();
            assertThat(hasEntry(entries, "dsr-team-wiltshire", "RECORDED", "REFUSED")).as("%s", entries).isTrue();
        }

        @Test
        void aBreakGlassReaderMayNotRecordOrRenew() {
            UUID personId = personWithCareTeam();

            assertStatus(record(breakGlassReader, informedConsent(personId, today)), 403);
            String consentId = consentOf(personId);
            assertStatus(record(breakGlassReader, org.opendsr.consent.support.ConsentRequests.renewalOf(
                    informedConsent(personId, today), consentId)), 403);

            assertThat(statusesOf(personId)).containsExactly("ACTIVE");
            assertThat(audit.about(personId)).filteredOn(entry -> entry.actor().equals(BREAK_GLASS_READER))
                    .extracting(ConsentAuditTrail.Entry::action, ConsentAuditTrail.Entry::outcome)
                    .contains(org.assertj.core.groups.Tuple.tuple("RECORDED", "REFUSED"),
                            org.assertj.core.groups.Tuple.tuple("RENEWED", "REFUSED"));
        }

        @Test
        void analystsAgencySystemsAndAdminsMayNotRecordByRole() {
            UUID personId = personWithCareTeam();
            for (String token : List.of(api.analyst, api.agencySystem, api.admin)) {
                assertStatus(record(token, informedConsent(personId, today)), 403);
            }
            assertThat(statusesOf(personId)).isEmpty();
        }
    }

    /**
     * Issue 15: renewing is decided by the care-team model, never by who recorded the consent. The person's care team
     * (a professional who did not record it included), the DSR team of their area and a lead renew it; a professional
     * outside the care team, another area's DSR team and a break-glass reader do not, and neither does a renewal that
     * names the consent of a person other than the one the caller may change: that consent is as unknown to them.
     */
    @Nested
    @DisplayName("Renewing a consent someone else recorded")
    class Renewing {

        /** A consent professional-1 (the referrer) recorded for a person with a care team, and its person. */
        private record Recorded(UUID personId, String consentId) {
        }

        private Recorded recordedByTheReferrer() {
            UUID personId = personWithCareTeam();
            return new Recorded(personId, consentOf(personId));
        }

        private ApiResponse renew(String token, UUID personId, String consentId) {
            return record(token, org.opendsr.consent.support.ConsentRequests.renewalOf(
                    informedConsent(personId, today), consentId));
        }

        @Test
        void theCareTeamTheAreasDsrTeamAndALeadRenewAConsentSomeoneElseRecorded() {
            for (String token : List.of(responsible, api.dsrTeam, api.dsrLead)) {
                Recorded recorded = recordedByTheReferrer();

                ApiResponse renewal = renew(token, recorded.personId(), recorded.consentId());

                assertStatus(renewal, 201);
                assertThat(renewal.json().get("renewalOf").asText()).isEqualTo(recorded.consentId());
                assertThat(statusesOf(recorded.personId())).containsExactlyInAnyOrder("ACTIVE", "RENEWED");
            }
        }

        @Test
        void outsideTheCareTeamARenewalIsRefusedExactlyAsForAConsentNobodyRecorded() {
            Recorded recorded = recordedByTheReferrer();
            ApiResponse unknown = renew(api.anotherProfessional, UUID.randomUUID(), UUID.randomUUID().toString());

            assertSameAs(renew(api.anotherProfessional, recorded.personId(), recorded.consentId()), unknown);
            assertSameAs(renew(api.dsrTeamInWiltshire, recorded.personId(), recorded.consentId()), unknown);
            assertStatus(renew(breakGlassReader, recorded.personId(), recorded.consentId()), 403);
            assertThat(renew(breakGlassReader, recorded.personId(), recorded.consentId()).contentType())
                    .startsWith("application/problem+json");
            for (String token : List.of(api.analyst, api.agencySystem, api.admin)) {
                assertStatus(renew(token, recorded.personId(), recorded.consentId()), 403);
            }

            assertThat(statusesOf(recorded.personId())).containsExactly("ACTIVE");
            List<ConsentAuditTrail.Entry> entries = audit.about(recorded.personId());
            assertThat(hasEntry(entries, "professional-2", "RENEWED", "REFUSED")).as("%s", entries).isTrue();
            assertThat(hasEntry(entries, "dsr-team-wiltshire", "RENEWED", "REFUSED")).as("%s", entries).isTrue();
        }

        @Test
        void aRenewalNamingAnotherPersonsConsentIsAsUnknownAndLeavesItAlone() {
            // professional-2 is in the care team of their own person, not of the referrer's.
            Recorded others = recordedByTheReferrer();
            UUID own = UUID.randomUUID();
            referrals.referred(own, LifeStage.ADULT, AgeBand.AGE_25_TO_34, Instant.now());
            referrals.careTeam(own, AREA, referrals.member("professional-2", CareTeamRole.REFERRER));
            awaitReadableBy(own, api.anotherProfessional);
            ApiResponse unknown = renew(api.anotherProfessional, own, UUID.randomUUID().toString());

            ApiResponse refused = renew(api.anotherProfessional, own, others.consentId());

            assertStatus(unknown, 404);
            assertStatus(refused, 404);
            for (String member : List.of("type", "title", "status", "detail", "errors")) {
                assertThat(String.valueOf(refused.json().get(member))).as(member)
                        .isEqualTo(String.valueOf(unknown.json().get(member)));
            }
            assertThat(statusesOf(others.personId())).containsExactly("ACTIVE");
            assertThat(statusesOf(own)).isEmpty();
            assertThat(hasEntry(audit.about(others.personId()), "professional-2", "RENEWED", "REFUSED"))
                    .as("the refusal is on the trail of the person whose consent was named").isTrue();
        }
    }

    @Nested
    @DisplayName("Reading a consent and a person's history")
    class Reading {

        @Test
        void everyoneWithNeedToKnowReadsBothTheBreakGlassReaderIncluded() {
            UUID personId = personWithCareTeam();
            String consentId = consentOf(personId);

            for (String token : List.of(api.professional, responsible, breakGlassReader, api.dsrTeam, api.dsrLead)) {
                assertStatus(api.http.get("/consents/" + consentId, token), 200);
                ApiResponse history = api.http.get("/consents/people/" + personId, token);
                assertStatus(history, 200);
                assertThat(history.json().get("currentConsentId").asText()).isEqualTo(consentId);
            }
        }

        @Test
        void withoutNeedToKnowAConsentAndAHistoryAreAsUnknownIds() {
            UUID personId = personWithCareTeam();
            String consentId = consentOf(personId);
            ApiResponse unknownConsent = api.http.get("/consents/" + UUID.randomUUID(), api.anotherProfessional);
            ApiResponse unknownPerson = api.http.get("/consents/people/" + UUID.randomUUID(), api.dsrTeam);

            for (String token : List.of(api.anotherProfessional, api.dsrTeamInWiltshire)) {
                assertSameAs(api.http.get("/consents/" + consentId, token), unknownConsent);
                assertSameAs(api.http.get("/consents/people/" + personId, token), unknownPerson);
            }
            for (String token : List.of(api.analyst, api.agencySystem, api.admin)) {
                assertStatus(api.http.get("/consents/" + consentId, token), 403);
                assertStatus(api.http.get("/consents/people/" + personId, token), 403);
            }
            assertThat(audit.about(personId)).filteredOn(entry -> entry.outcome().equals("REFUSED"))
                    .extracting(ConsentAuditTrail.Entry::actor)
                    .contains("professional-2", "dsr-team-wiltshire");
        }
    }

    @Nested
    @DisplayName("Withdrawing consent")
    class Withdrawing {

        @Test
        void theResponsibleProfessionalWithdrawsAConsentSomeoneElseRecorded() {
            UUID personId = personWithCareTeam();
            String consentId = consentOf(personId);

            ApiResponse response = withdraw(responsible, consentId);

            assertStatus(response, 200);
            assertThat(response.json().get("withdrawal").get("recordedBy").asText()).isEqualTo(RESPONSIBLE);
            assertThat(statusesOf(personId)).containsExactly("WITHDRAWN");
        }

        @Test
        void theRecorderWhoLeftTheCareTeamCanNoLongerReadOrWithdraw() {
            UUID personId = personWithCareTeam();
            String consentId = consentOf(personId);

            // The referral was declined: referral-service ends the referrer's membership and publishes the team.
            referrals.careTeam(personId, AREA, referrals.member(RESPONSIBLE, CareTeamRole.RESPONSIBLE_PROFESSIONAL));
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                    .until(() -> api.http.get("/consents/" + consentId, api.professional).status() == 404);

            assertSameAs(withdraw(api.professional, consentId),
                    withdraw(api.professional, UUID.randomUUID().toString()));
            assertThat(statusesOf(personId)).containsExactly("ACTIVE");
            assertThat(hasEntry(audit.about(personId), REFERRER, "WITHDRAWN", "REFUSED")).isTrue();
            assertStatus(withdraw(responsible, consentId), 200);
        }

        @Test
        void withoutTheRightToChangeWithdrawalIsRefused() {
            UUID personId = personWithCareTeam();
            String consentId = consentOf(personId);
            ApiResponse unknown = withdraw(api.anotherProfessional, UUID.randomUUID().toString());

            assertSameAs(withdraw(api.anotherProfessional, consentId), unknown);
            assertSameAs(withdraw(api.dsrTeamInWiltshire, consentId), unknown);
            assertStatus(withdraw(breakGlassReader, consentId), 403);
            for (String token : List.of(api.analyst, api.agencySystem, api.admin)) {
                assertStatus(withdraw(token, consentId), 403);
            }
            assertThat(statusesOf(personId)).containsExactly("ACTIVE");
            assertThat(hasEntry(audit.about(personId), BREAK_GLASS_READER, "WITHDRAWN", "REFUSED")).isTrue();

            assertStatus(withdraw(api.dsrLead, consentId), 200);
        }
    }

    @Nested
    @DisplayName("Worklists")
    class Worklists {

        @Test
        void aWorklistShowsOnlyThePeopleTheCallerMaySee() {
            UUID inSwindon = personWithCareTeam();
            UUID inWiltshire = UUID.randomUUID();
            referrals.referred(inWiltshire, LifeStage.ADULT, AgeBand.AGE_25_TO_34, Instant.now());
            referrals.careTeam(inWiltshire, "WILTSHIRE", referrals.member(REFERRER, CareTeamRole.REFERRER));
            awaitReadableBy(inWiltshire, api.dsrTeamInWiltshire);
            // A Swindon person whose care team the Wiltshire team member is in, as a confirmed key professional.
            UUID known = UUID.randomUUID();
            referrals.referred(known, LifeStage.ADULT, AgeBand.AGE_25_TO_34, Instant.now());
            CareTeamMember keyProfessional = referrals.member("dsr-team-wiltshire", CareTeamRole.KEY_PROFESSIONAL);
            referrals.careTeam(known, AREA, referrals.member(REFERRER, CareTeamRole.REFERRER), keyProfessional);
            awaitReadableBy(known, api.dsrTeamInWiltshire);
            LocalDate dueSoon = today.minusYears(1).plusDays(20);
            for (UUID personId : List.of(inSwindon, inWiltshire, known)) {
                api.recorded(informedConsent(personId, dueSoon));
            }

            assertThat(renewalsDue(api.dsrTeam)).contains(inSwindon.toString(), inWiltshire.toString(),
                    known.toString());
            assertThat(renewalsDue(api.dsrLead)).contains(inSwindon.toString(), inWiltshire.toString(),
                    known.toString());
            assertThat(renewalsDue(api.dsrTeamInWiltshire)).contains(inWiltshire.toString(), known.toString())
                    .doesNotContain(inSwindon.toString());

            assertThat(audit.about(inSwindon)).filteredOn(entry -> entry.what().equals("worklist renewals-due"))
                    .extracting(ConsentAuditTrail.Entry::actor)
                    .contains("dsr-team-1", "dsr-lead-1").doesNotContain("dsr-team-wiltshire");
        }

        /** Every page of the worklist (small pages: the scope is applied before paging, so none is short). */
        private List<String> renewalsDue(String token) {
            List<String> shown = new java.util.ArrayList<>();
            String after = null;
            do {
                ApiResponse response = api.http.get("/consents/worklists/renewals-due?limit=25"
                        + (after == null ? "" : "&after=" + after), token);
                assertStatus(response, 200);
                List<String> page = response.json().get("entries").findValuesAsText("personId");
                after = response.json().get("next").isNull() ? null : response.json().get("next").asText();
                if (after != null) {
                    assertThat(page).hasSize(25);
                }
                shown.addAll(page);
            } while (after != null);
            return shown;
        }
    }

    @Nested
    @DisplayName("The audit trail of consents")
    class AuditTrail {

        @Test
        void everyReadChangeAndRefusalIsAuditedWithItsPurpose() {
            UUID personId = personWithCareTeam();
            String consentId = consentOf(personId);
            Map<String, String> safeguarding = Map.of(Caller.PURPOSE_HEADER, "SAFEGUARDING");

            assertStatus(api.http.get("/consents/" + consentId, responsible, safeguarding), 200);
            assertStatus(api.http.get("/consents/people/" + personId, breakGlassReader), 200);
            assertStatus(api.http.get("/consents/" + consentId, api.anotherProfessional), 404);
            assertStatus(api.http.post("/consents/" + consentId + "/withdrawal", responsible,
                    withdrawal("PERSON_WITHDREW"), Map.of(Caller.PURPOSE_HEADER, "REGISTER_MANAGEMENT")), 200);
            assertStatus(withdraw(responsible, consentId), 409);

            List<ConsentAuditTrail.Entry> entries = audit.naming("consent " + consentId);
            assertThat(entries).extracting(ConsentAuditTrail.Entry::actor, ConsentAuditTrail.Entry::action,
                            ConsentAuditTrail.Entry::purpose, ConsentAuditTrail.Entry::outcome)
                    .containsSubsequence(
                            org.assertj.core.groups.Tuple.tuple(REFERRER, "RECORDED", "DIRECT_CARE", "ALLOWED"),
                            org.assertj.core.groups.Tuple.tuple(RESPONSIBLE, "READ", "SAFEGUARDING", "ALLOWED"),
                            org.assertj.core.groups.Tuple.tuple("professional-2", "READ", "DIRECT_CARE", "REFUSED"),
                            org.assertj.core.groups.Tuple.tuple(RESPONSIBLE, "WITHDRAWN", "REGISTER_MANAGEMENT",
                                    "ALLOWED"),
                            org.assertj.core.groups.Tuple.tuple(RESPONSIBLE, "WITHDRAWN", "DIRECT_CARE", "FAILED"));
            assertThat(entries).allSatisfy(entry -> assertThat(entry.personId()).isEqualTo(personId));
            // The values through the kit's reader: about a person, they are stored encrypted under their audit key.
            assertThat(entries.get(0).after()).contains("\"encrypted\"").doesNotContain("INFORMED_CONSENT");
            List<AuditRecord> values = auditLog.ofPerson(personId, null, AuditPage.MAX_SIZE).items().stream()
                    .filter(entry -> entry.what().equals("consent " + consentId)).toList();
            AuditRecord recorded = values.stream().filter(entry -> entry.action().equals("RECORDED")).findFirst()
                    .orElseThrow();
            assertThat(recorded.newValues()).containsEntry("basis", "INFORMED_CONSENT").containsEntry("status", "ACTIVE");
            AuditRecord withdrawn = values.stream()
                    .filter(entry -> entry.action().equals("WITHDRAWN") && entry.outcome().equals("ALLOWED"))
                    .findFirst().orElseThrow();
            assertThat(withdrawn.oldValues().toString()).contains("ACTIVE");
            assertThat(withdrawn.newValues().toString()).contains("WITHDRAWN", "PERSON_WITHDREW");
            assertThat(audit.about(personId)).anySatisfy(entry -> {
                assertThat(entry.actor()).isEqualTo(BREAK_GLASS_READER);
                assertThat(entry.what()).isEqualTo("consent history");
                assertThat(entry.outcome()).isEqualTo("ALLOWED");
            });
        }

        @Test
        void anAttemptOnAnUnknownIdIsAuditedAsNotFound() {
            String unknown = UUID.randomUUID().toString();

            assertStatus(api.http.get("/consents/" + unknown, api.dsrTeam), 404);
            assertStatus(withdraw(api.dsrLead, unknown), 404);

            assertThat(audit.naming("consent " + unknown))
                    .extracting(ConsentAuditTrail.Entry::actor, ConsentAuditTrail.Entry::action,
                            ConsentAuditTrail.Entry::outcome)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("dsr-team-1", "READ", "NOT_FOUND"),
                            org.assertj.core.groups.Tuple.tuple("dsr-lead-1", "WITHDRAWN", "NOT_FOUND"));
        }

        @Test
        void aPurposeThatIsNotOneIsRefusedNamingTheHeader() {
            UUID personId = personWithCareTeam();

            ApiResponse response = api.http.get("/consents/people/" + personId, api.dsrTeam,
                    Map.of(Caller.PURPOSE_HEADER, "CURIOSITY"));

            assertStatus(response, 400);
            assertThat(response.json().get("errors").findValuesAsText("field")).contains(Caller.PURPOSE_HEADER);
        }

        @Test
        void theAuditTrailCannotBeAlteredOrErasedByTheService() {
            UUID personId = personWithCareTeam();
            consentOf(personId);
            int entries = audit.about(personId).size();

            for (String sql : List.of("UPDATE dsr_kit.audit_entry SET actor = 'someone-else' WHERE person_id = '"
                    + personId + "'", "DELETE FROM dsr_kit.audit_entry WHERE person_id = '" + personId + "'",
                    "TRUNCATE dsr_kit.audit_entry")) {
                assertThatThrownBy(() -> audit.execute(sql)).as(sql).isInstanceOf(SQLException.class)
                        .hasMessageContaining("append-only");
            }
            assertThat(audit.about(personId)).hasSize(entries)
                    .allSatisfy(entry -> assertThat(entry.actor()).isNotEqualTo("someone-else"));
        }
    }
}
