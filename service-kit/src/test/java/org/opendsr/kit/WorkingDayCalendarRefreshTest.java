package org.opendsr.kit;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import io.micronaut.jdbc.DataSourceResolver;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opendsr.kit.calendar.BankHolidayPublications;
import org.opendsr.kit.calendar.BankHolidaySettings;
import org.opendsr.kit.calendar.GovUkBankHolidays;
import org.opendsr.kit.calendar.RefreshingBankHolidays;
import org.opendsr.kit.calendar.WorkingDayCalendars;
import org.opendsr.kit.calendar.WorkingDays;
import org.opendsr.kit.calendar.domain.BankHolidays;
import org.opendsr.kit.calendar.domain.WorkingDayCalendar;
import org.opendsr.testkit.GovUkStandIn;

/**
 * Every service with the kit has one England and Wales working-day calendar: the shipped dates, updated from GOV.UK
 * (here a stand-in serving GOV.UK's format) where the deployment turns refreshing on, stored in the service's own
 * database for every replica. A failed or implausible refresh keeps the last good dates; a replica does not fetch
 * again what another stored recently; an older fetch never overwrites a newer one.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkingDayCalendarRefreshTest implements TestPropertyProvider {

    private final GovUkStandIn govUk = GovUkStandIn.shared();

    @Inject
    RefreshingBankHolidays refreshing;

    @Inject
    WorkingDayCalendars calendars;

    @Inject
    WorkingDays workingDays;

    @Inject
    BankHolidaySettings settings;

    @Inject
    BankHolidayPublications publications;

    @Inject
    TransactionOperations<Connection> transactions;

    @Inject
    Clock clock;

    @Inject
    DataSource dataSource;

    @Inject
    DataSourceResolver resolver;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(KitTestContext.properties(false));
        properties.put("dsr.bank-holidays.url", govUk.url());
        // The schedule stays out of the way: the test refreshes when it wants to.
        properties.put("dsr.bank-holidays.first-refresh-after", "1h");
        return properties;
    }

    @BeforeEach
    void nothingStored() throws SQLException {
        update("DELETE FROM dsr_kit.bank_holiday_publication");
        govUk.answer(200, "{}");
    }

    @Test
    void refreshingIsOffUnlessTheDeploymentTurnsItOnAndTheShippedDatesServeUntilThen() {
        assertThat(settings.isRefreshEnabled()).isFalse();
        assertThat(calendars).as("one calendar bean").isSameAs(workingDays);
        assertThat(new WorkingDays(publications, transactions, settings).current().bankHolidays().publishedYears())
                .isEqualTo(WorkingDays.shipped().publishedYears());
    }

    @Test
    void anAnnouncedOneOffBankHolidayIsTakenUpHereAndByAnotherReplica() {
        LocalDate oneOff = firstWorkingDayAfter(LocalDate.now(clock));
        govUk.answer(200, govUkPublication(LocalDate.now(clock).getYear(), oneOff));

        assertThat(refreshing.refresh()).isTrue();

        assertThat(calendars.current().isWorkingDay(oneOff)).isFalse();
        WorkingDays anotherReplica = new WorkingDays(publications, transactions, settings);
        assertThat(anotherReplica.calendar().isWorkingDay(oneOff))
                .as("the one-off day another replica stored is no working day there either").isFalse();
        assertThat(anotherReplica.storedVersion()).isEqualTo(workingDays.storedVersion());
    }

    @Test
    void aFailedOrImplausibleRefreshKeepsTheLastGoodDates() throws SQLException {
        LocalDate oneOff = firstWorkingDayAfter(LocalDate.now(clock));
        govUk.answer(200, govUkPublication(LocalDate.now(clock).getYear(), oneOff));
        assertThat(refreshing.refresh()).isTrue();
        List<String> stored = storedPublication();

        govUk.answer(503, "<html>Service unavailable</html>");
        assertThat(refreshing.refresh()).isFalse();
        govUk.answer(200, "{\"england-and-wales\": {\"division\": \"england-and-wales\", \"events\": "
                + "[{\"title\": \"New Year's Day\", \"date\": \"2031-01-01\"}]}}");
        assertThat(refreshing.refresh()).as("a truncated list is not taken").isFalse();
        govUk.answer(200, "not json at all");
        assertThat(refreshing.refresh()).isFalse();

        assertThat(storedPublication()).isEqualTo(stored);
        assertThat(calendars.current().isWorkingDay(oneOff)).isFalse();
    }

    @Test
    void aReplicaDoesNotFetchAgainWhatAnotherStoredRecently() {
        govUk.answer(200, govUkPublication(LocalDate.now(clock).getYear(), firstWorkingDayAfter(LocalDate.now(clock))));
        assertThat(refreshing.refreshIfDue()).as("nothing stored yet: due").isTrue();
        int fetched = govUk.requests();

        assertThat(refreshing.refreshIfDue()).as("stored just now: not due").isFalse();
        assertThat(govUk.requests()).isEqualTo(fetched);
    }

    @Test
    void anOlderFetchNeverOverwritesANewerOne() {
        String publication = govUkPublication(LocalDate.now(clock).getYear(), firstWorkingDayAfter(LocalDate.now(clock)));
        String englandAndWales = GovUkBankHolidays.englandAndWalesOnly(publication);
        Instant newer = clock.instant().truncatedTo(ChronoUnit.MICROS);

        publications.store(englandAndWales, newer);
        publications.store(englandAndWales, newer.minusSeconds(5));

        Optional<Instant> stored = transactions.executeRead(status -> publications.latestFetchedAt());
        assertThat(stored).contains(newer);
    }

    // ---- helpers ----------------------------------------------------------------------------------------------------

    private static LocalDate firstWorkingDayAfter(LocalDate day) {
        return new WorkingDayCalendar(WorkingDays.shipped()).workingDaysAfter(day, 1);
    }

    private List<String> storedPublication() throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = resolver.resolve(dataSource).getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT payload::text || fetched_at::text FROM dsr_kit.bank_holiday_publication");
             ResultSet result = select.executeQuery()) {
            while (result.next()) {
                rows.add(result.getString(1));
            }
        }
        return rows;
    }

    private void update(String sql) throws SQLException {
        try (Connection connection = resolver.resolve(dataSource).getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.executeUpdate();
        }
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
