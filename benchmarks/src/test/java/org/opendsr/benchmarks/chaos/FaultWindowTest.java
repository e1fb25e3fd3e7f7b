package org.opendsr.benchmarks.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which server errors a fault excuses: a 500 never; a 503 while the database is down; 502-504 while the path is down. */
class FaultWindowTest {

    @Test
    void noFaultExcusesNoServerError() {
        assertThat(FaultWindow.NONE.excuses(503, "referral-service")).isFalse();
        assertThat(FaultWindow.NONE.excuses(500, "referral-service")).isFalse();
    }

    @Test
    void aDatabaseOutageExcusesOnlyA503() {
        assertThat(FaultWindow.databaseDown().excuses(503, "referral-service")).isTrue();
        assertThat(FaultWindow.databaseDown().excuses(500, "referral-service")).isFalse();
        assertThat(FaultWindow.databaseDown().excuses(504, "referral-service")).isFalse();
    }

    @Test
    void aServiceDownExcusesUnavailableAnswersOnItsOwnPathOnly() {
        assertThat(FaultWindow.serviceDown("referral-service").excuses(502, "referral-service")).isTrue();
        assertThat(FaultWindow.serviceDown("gateway").excuses(503, "referral-service")).isTrue();
        assertThat(FaultWindow.serviceDown("consent-service").excuses(503, "referral-service")).isFalse();
        assertThat(FaultWindow.serviceDown("referral-service").excuses(500, "referral-service")).isFalse();
        assertThat(FaultWindow.brokerDown().excuses(503, "referral-service")).isFalse();
    }
}
