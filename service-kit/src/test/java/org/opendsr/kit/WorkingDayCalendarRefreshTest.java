package org.opendsr.kit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import com.sun.net.httpserver.HttpServer;
import io.micronaut.jdbc.DataSourceResolver;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
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

/**
 * Every service with the kit has one England and Wales working-day calendar: the shipped dates, updated from GOV.UK
 * (here a stand-in serving GOV.UK's format) where the deployment turns refreshing on, stored in the service's own
 * database for every replica. A failed or implausible refresh keeps the last good dates; a replica does not fetch
 * again what another stored recently; an older fetch never overwrites a newer one.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkingDayCalendarRefreshTest implements TestPropertyProvider {

    private static final AtomicInteger STATUS = new AtomicInteger(200);
    private static final AtomicReference<String> BODY = new AtomicReference<>("{}");
    private static final AtomicInteger REQUESTS = new AtomicInteger();
    private static HttpServer govUk;

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
        properties.put("dsr.bank-holidays.url", "http://127.0.0.1:" + govUk().getAddress().getPort()
                + "/bank-holidays.json");
        // The schedule stays out of the way: the test refreshes when it wants to.
        properties.put("dsr.bank-holidays.first-refresh-after", "1h");
        return properties;
    }

    private static synchronized HttpServer govUk() {
        if (govUk == null) {
            try {
                govUk = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            govUk.createContext("/bank-holidays.json", exchange -> {
                REQUESTS.incrementAndGet();
                byte[] body = BODY.get().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(STATUS.get(), body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            govUk.start();
        }
        return govUk;
    }

    @AfterAll
    void stopGovUk() {
        govUk.stop(0);
        govUk = null;
    }

    @BeforeEach
    void nothingStored() throws SQLException {
        update("DELETE FROM dsr_kit.bank_holiday_publication");
        STATUS.set(200);
        BODY.set("{}");
    }

    @Test
    void refreshingIsOffUnlessTheDeploymentTurnsItOnAndTheShippedDatesServeUntilThen() {
        assertThat(settings.isRefreshEnabled()).isFalse();
        assertThat(calendars).as("one calendar bean").isSameAs(workingDays);
        assertThat(new WorkingDays(publications, transactions, settings).current().bankHolidays().publishedYears())
                .isEqualTo(shipped().publishedYears());
    }

    @Test
    void anAnnouncedOneOffBankHolidayIsTakenUpHereAndByAnotherReplica() {
        LocalDate oneOff = firstWorkingDayAfter(LocalDate.now(clock));
        BODY.set(govUkPublication(LocalDate.now(clock).getYear(), oneOff));

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
        BODY.set(govUkPublication(LocalDate.now(clock).getYear(), oneOff));
        assertThat(refreshing.refresh()).isTrue();
        List<String> stored = storedPublication();

        STATUS.set(503);
        BODY.set("<html>Service unavailable</html>");
        assertThat(refreshing.refresh()).isFalse();
        STATUS.set(200);
        BODY.set("{\"england-and-wales\": {\"division\": \"england-and-wales\", \"events\": "
                + "[{\"title\": \"New Year's Day\", \"date\": \"2031-01-01\"}]}}");
        assertThat(refreshing.refresh()).as("a truncated list is not taken").isFalse();
        BODY.set("not json at all");
        assertThat(refreshing.refresh()).isFalse();

        assertThat(storedPublication()).isEqualTo(stored);
        assertThat(calendars.current().isWorkingDay(oneOff)).isFalse();
    }

    @Test
    void aReplicaDoesNotFetchAgainWhatAnotherStoredRecently() {
        BODY.set(govUkPublication(LocalDate.now(clock).getYear(), firstWorkingDayAfter(LocalDate.now(clock))));
        assertThat(refreshing.refreshIfDue()).as("nothing stored yet: due").isTrue();
        int fetched = REQUESTS.get();

        assertThat(refreshing.refreshIfDue()).as("stored just now: not due").isFalse();
        assertThat(REQUESTS.get()).isEqualTo(fetched);
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
        return new WorkingDayCalendar(shipped()).workingDaysAfter(day, 1);
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
        BankHolidays known = shipped();
        List<LocalDate> days = new ArrayList<>(known.inYear(year));
        days.addAll(known.inYear(year + 1));
        days.add(oneOff);
        StringBuilder events = new StringBuilder();
        for (LocalDate day : days) {
            events.append(events.length() == 0 ? "" : ",").append("{\"title\":\"")
                    .append(day.equals(oneOff) ? "One-off bank holiday" : "Bank holiday")
                    .append("\",\"date\":\"").append(day).append("\",\"notes\":\"\",\"bunting\":true}");
        }
        return "{\"england-and-wales\":{\"division\":\"england-and-wales\",\"events\":[" + events + "]},"
                + "\"scotland\":{\"division\":\"scotland\",\"events\":[]}}";
    }

    private static BankHolidays shipped() {
        try (InputStream in = WorkingDayCalendarRefreshTest.class.getClassLoader()
                .getResourceAsStream("bank-holidays/england-and-wales.json")) {
            return GovUkBankHolidays.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
