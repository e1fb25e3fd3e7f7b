package org.opendsr.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.micronaut.context.annotation.Value;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.opendsr.kit.calendar.BankHolidaySettings;
import org.opendsr.kit.calendar.GovUkBankHolidays;
import org.opendsr.kit.calendar.RefreshingBankHolidays;
import org.opendsr.kit.calendar.WorkingDays;
import org.opendsr.kit.calendar.domain.BankHolidays;
import org.opendsr.kit.calendar.domain.WorkingDayCalendar;
import org.opendsr.kit.security.DsrRoles;
import org.opendsr.referral.lifecycle.domain.FirstContactDeadline;
import org.opendsr.testkit.ApiClient;
import org.opendsr.testkit.DsrTestEnvironment;
import org.opendsr.testkit.GovUkStandIn;
import org.opendsr.testkit.TestTokens;

/**
 * Production refreshes the bank holidays from GOV.UK (the kit's calendar, here a stand-in serving GOV.UK's format): an
 * announced one-off bank holiday moves the first-contact deadline of referrals received afterwards. Refreshing is off
 * unless a deployment turns it on. How the kit stores, shares and keeps the list: the kit's
 * WorkingDayCalendarRefreshTest.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BankHolidayRefreshTest implements TestPropertyProvider {

    private final GovUkStandIn govUk = GovUkStandIn.shared();

    @Inject
    EmbeddedServer server;

    @Inject
    RefreshingBankHolidays refreshing;

    @Inject
    WorkingDays workingDays;

    @Inject
    BankHolidaySettings settings;

    @Inject
    Clock clock;

    @Value("${datasources.default.url}")
    String databaseUrl;

    @Value("${datasources.default.username}")
    String databaseUser;

    @Value("${datasources.default.password}")
    String databasePassword;

    private ApiClient api;
    private ReferralDatabase database;
    private String referrer;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(DsrTestEnvironment.forService("referral"));
        properties.put("dsr.referral.accept-test-nhs-numbers", "true");
        properties.put("dsr.bank-holidays.url", govUk.url());
        // The schedule stays out of the way: the test refreshes when it wants to.
        properties.put("dsr.bank-holidays.first-refresh-after", "1h");
        return properties;
    }

    @BeforeAll
    void connect() {
        api = new ApiClient(server.getURL().toString());
        database = new ReferralDatabase(databaseUrl, databaseUser, databasePassword);
        referrer = TestTokens.get().tokenFor("sam.patel@swindon-cldt.example", DsrRoles.PROFESSIONAL);
    }

    @Test
    @Order(1)
    void refreshingIsOffUnlessTheDeploymentTurnsItOn() {
        assertThat(settings.isRefreshEnabled()).isFalse();
        assertThat(workingDays.storedVersion()).as("only the shipped dates").isEmpty();
    }

    @Test
    @Order(2)
    void anAnnouncedOneOffBankHolidayMovesTheDeadlineOfReferralsReceivedAfterwards() {
        LocalDate today = LocalDate.now(clock);
        LocalDate dueBefore = dueOnForAReferralNow();
        LocalDate oneOff = firstWorkingDayAfter(today);
        String publication = govUkPublication(today.getYear(), oneOff);
        govUk.answer(200, publication);

        assertThat(refreshing.refresh()).isTrue();

        Instant receivedAt = clock.instant();
        LocalDate dueAfter = dueOnForAReferralNow();
        WorkingDayCalendar expected = new WorkingDayCalendar(
                WorkingDays.shipped().updatedBy(GovUkBankHolidays.parse(publication)));
        // Counted from the working day of receipt (after 17:00, or at a weekend, the next one).
        assertThat(dueAfter).isEqualTo(FirstContactDeadline.forReferralReceived(receivedAt, 5, expected).dueOn())
                .isAfter(dueBefore);
        assertThat(database.count("SELECT count(*) FROM dsr_kit.bank_holiday_publication")).isEqualTo(1);
    }

    // ---- helpers ----------------------------------------------------------------------------------------------------

    private LocalDate dueOnForAReferralNow() {
        return LocalDate.parse(api.post("/referrals", referrer, ReferralRequests.aReferralOfSomeoneNew().body()).json()
                .get("firstContactDueOn").asText());
    }

    private LocalDate firstWorkingDayAfter(LocalDate day) {
        WorkingDayCalendar shippedCalendar = new WorkingDayCalendar(WorkingDays.shipped());
        return shippedCalendar.workingDaysAfter(day, 1);
    }

    /** GOV.UK's format: this year and next as the shipped list (or the statutory pattern) has them, and a one-off day. */
    private static String govUkPublication(int year, LocalDate oneOff) {
        BankHolidays known = WorkingDays.shipped();
        List<LocalDate> days = new ArrayList<>(known.inYear(year));
        days.addAll(known.inYear(year + 1));
        days.add(oneOff);
        return GovUkStandIn.publication(days, oneOff);
    }
}
