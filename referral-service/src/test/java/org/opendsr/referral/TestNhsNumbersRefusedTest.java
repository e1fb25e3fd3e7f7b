package org.opendsr.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import io.micronaut.context.annotation.Value;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opendsr.kit.security.DsrRoles;
import org.opendsr.testkit.ApiClient;
import org.opendsr.testkit.ApiClient.ApiResponse;
import org.opendsr.testkit.DsrTestEnvironment;
import org.opendsr.testkit.TestTokens;

/**
 * A deployment that has not said it accepts test NHS numbers (the default, as in production) refuses the 999
 * range, which is never issued to anyone, and takes a real-format number.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TestNhsNumbersRefusedTest implements TestPropertyProvider {

    @Inject
    EmbeddedServer server;

    @Value("${datasources.default.url}")
    String databaseUrl;

    @Value("${datasources.default.username}")
    String databaseUser;

    @Value("${datasources.default.password}")
    String databasePassword;

    @Value("${dsr.referral.accept-test-nhs-numbers}")
    boolean acceptTestNhsNumbers;

    private ApiClient api;
    private ReferralDatabase database;
    private String referrer;

    @Override
    public Map<String, String> getProperties() {
        // Nothing about test numbers: the service's own default applies.
        return DsrTestEnvironment.forService("referral");
    }

    @BeforeAll
    void connect() {
        api = new ApiClient(server.getURL().toString());
        database = new ReferralDatabase(databaseUrl, databaseUser, databasePassword);
        referrer = TestTokens.get().tokenFor("a.professional@example.nhs", DsrRoles.PROFESSIONAL);
    }

    @Test
    void byDefaultTheTestRangeIsNotAccepted() {
        assertThat(acceptTestNhsNumbers).isFalse();
    }

    @Test
    void aNumberFromThe999RangeIsRefusedNamingTheFieldAndNothingIsWritten() {
        Map<String, Long> before = database.rowCounts();
        String testNumber = TestNhsNumbers.next();

        ApiResponse response = api.post("/referrals", referrer,
                ReferralRequests.aReferral().with("nhsNumber", TestNhsNumbers.formatted(testNumber)).body());

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("errors").findValuesAsText("field")).containsExactly("nhsNumber");
        assertThat(response.json().get("errors").get(0).get("message").asText()).contains("test range");
        assertThat(response.text()).doesNotContain(testNumber);
        assertThat(database.rowCounts()).isEqualTo(before);
    }

    @Test
    void aNumberFromThe999RangeIsRefusedOnCompletionTooNamingTheFieldAndNothingIsWritten() {
        String dsrTeam = TestTokens.get().tokenFor("dsr.team@example.nhs", DsrRoles.DSR_TEAM);
        String referralId = api.post("/referrals/self-or-family", dsrTeam, Map.of("givenName", "Kerensa",
                "familyName", "Trelawny" + TestNames.suffix(), "postcode", "SN1 2JH", "email", "k@example.org"))
                .json().get("referralId").asText();
        Map<String, Long> before = database.rowCounts();
        String testNumber = TestNhsNumbers.next();

        ApiResponse response = api.post("/referrals/" + referralId + "/completion", dsrTeam, Map.of(
                "dateOfBirth", "2014-01-01", "locality", "SWINDON", "nhsNumber", testNumber,
                "reasonForReferral", "Family asking for help", "currentIssues", "Distress at home"));

        assertThat(response.status()).as(response.text()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("errors").findValuesAsText("field")).containsExactly("nhsNumber");
        assertThat(response.text()).doesNotContain(testNumber);
        assertThat(database.rowCounts()).isEqualTo(before);
    }

    @Test
    void aNumberThatCouldHaveBeenIssuedIsAccepted() {
        ApiResponse response = api.post("/referrals", referrer,
                ReferralRequests.aReferral().with("nhsNumber", "943 476 5919").body());

        assertThat(response.status()).isEqualTo(201);
    }
}
