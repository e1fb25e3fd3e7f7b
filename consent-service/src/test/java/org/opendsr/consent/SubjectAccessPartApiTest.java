package org.opendsr.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.opendsr.consent.support.ConsentRequests.informedConsent;
import static org.opendsr.testkit.events.ReferralEvents.AREA;
import static org.opendsr.testkit.events.ReferralEvents.REFERRER;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.annotation.Value;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.opendsr.consent.support.ConsentAuditTrail;
import org.opendsr.contracts.access.CareTeamRole;
import org.opendsr.contracts.common.AgeBand;
import org.opendsr.contracts.common.LifeStage;
import org.opendsr.testkit.ApiClient.ApiResponse;

/**
 * consent-service's part of a subject access export (issue 16): the person's consents with their history and the
 * reminders, for a DSR lead only, without the DSR users who recorded them, audited as SUBJECT_ACCESS_REQUEST.
 */
@MicronautTest(transactional = false)
class SubjectAccessPartApiTest extends ConsentServiceUnderTest {

    @Value("${datasources.default.url}")
    String databaseUrl;

    @Value("${datasources.default.username}")
    String databaseUser;

    @Value("${datasources.default.password}")
    String databasePassword;

    private UUID personWithConsent() {
        UUID personId = UUID.randomUUID();
        referrals.referred(personId, LifeStage.ADULT, AgeBand.AGE_25_TO_34, Instant.now());
        referrals.careTeam(personId, AREA, referrals.member(REFERRER, CareTeamRole.REFERRER));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                .until(() -> api.http.get("/consents/people/" + personId, api.professional).status() == 200);
        api.recorded(informedConsent(personId, api.today()));
        return personId;
    }

    private static String pathOf(UUID personId) {
        return "/subject-access/consent-service/people/" + personId;
    }

    @Test
    void aLeadGetsEveryConsentOfThePersonWithoutWhoRecordedIt() {
        UUID personId = personWithConsent();

        ApiResponse response = api.http.get(pathOf(personId), api.dsrLead);

        assertThat(response.status()).as(response.text()).isEqualTo(200);
        JsonNode part = response.json();
        assertThat(part.get("service").asText()).isEqualTo("consent-service");
        assertThat(part.get("personId").asText()).isEqualTo(personId.toString());
        JsonNode consents = part.get("sections").get("consents");
        assertThat(consents).hasSize(1);
        assertThat(consents.get(0).get("basis").asText()).isEqualTo("INFORMED_CONSENT");
        assertThat(consents.get(0).get("state").asText()).isEqualTo("ACTIVE");
        assertThat(consents.get(0).has("recordedBy")).isFalse();
        assertThat(response.text()).doesNotContain(REFERRER);
        assertThat(part.get("sections").has("reminders")).isTrue();
        assertThat(part.get("redacted").findValuesAsText("field")).contains("recordedBy");

        List<ConsentAuditTrail.Entry> audit = new ConsentAuditTrail(databaseUrl, databaseUser, databasePassword)
                .about(personId);
        assertThat(audit).anySatisfy(entry -> {
            assertThat(entry.actor()).isEqualTo("dsr-lead-1");
            assertThat(entry.action()).isEqualTo("READ");
            assertThat(entry.purpose()).isEqualTo("SUBJECT_ACCESS_REQUEST");
            assertThat(entry.outcome()).isEqualTo("ALLOWED");
        });
    }

    @Test
    void everyoneButALeadIsRefusedAndTheRefusalAudited() {
        UUID personId = personWithConsent();
        List<String> others = List.of(api.professional, api.anotherProfessional, api.dsrTeam, api.dsrTeamInWiltshire,
                api.analyst, api.agencySystem, api.admin);

        for (String token : others) {
            ApiResponse refused = api.http.get(pathOf(personId), token);
            assertThat(refused.status()).as(refused.text()).isEqualTo(403);
            assertThat(refused.contentType()).startsWith("application/problem+json");
        }
        assertThat(api.http.get(pathOf(personId), null).status()).isEqualTo(401);

        List<ConsentAuditTrail.Entry> refusals = new ConsentAuditTrail(databaseUrl, databaseUser, databasePassword)
                .about(personId).stream()
                .filter(entry -> entry.purpose().equals("SUBJECT_ACCESS_REQUEST")).toList();
        assertThat(refusals).hasSize(others.size()).allSatisfy(entry ->
                assertThat(entry.outcome()).isEqualTo("REFUSED"));
    }
}
