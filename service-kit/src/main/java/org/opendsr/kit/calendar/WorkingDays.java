package org.opendsr.kit.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Instant;
import java.util.Optional;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.opendsr.kit.calendar.domain.BankHolidays;
import org.opendsr.kit.calendar.domain.WorkingDayCalendar;

/**
 * The working-day calendar every replica uses: the bank holidays shipped with the kit, updated by the copy of
 * GOV.UK's list last stored in the database (by whichever replica refreshed it), the statutory pattern beyond both.
 */
@Singleton
public class WorkingDays implements WorkingDayCalendars {

    static final String SHIPPED = "bank-holidays/england-and-wales.json";

    private final BankHolidays shipped;
    private final BankHolidayPublications publications;
    private final TransactionOperations<Connection> transactions;
    private final BankHolidaySettings settings;

    private volatile WorkingDayCalendar calendar;
    private volatile Instant storedVersion;
    private volatile Instant nextCheck = Instant.MIN;

    public WorkingDays(BankHolidayPublications publications, TransactionOperations<Connection> transactions,
                       BankHolidaySettings settings) {
        this.shipped = shipped();
        this.publications = publications;
        this.transactions = transactions;
        this.settings = settings;
        this.calendar = new WorkingDayCalendar(shipped);
    }

    @Override
    public WorkingDayCalendar current() {
        return calendar();
    }

    public WorkingDayCalendar calendar() {
        // Real time, not the DSR clock: this only paces how often the database is asked.
        Instant now = Instant.now();
        if (now.isAfter(nextCheck)) {
            nextCheck = now.plus(settings.getRecheckInterval());
            reload();
        }
        return calendar;
    }

    @Override
    public synchronized void reload() {
        Optional<Instant> fetchedAt = transactions.executeRead(status -> publications.latestFetchedAt());
        if (fetchedAt.isEmpty() || fetchedAt.get().equals(storedVersion)) {
            return;
        }
        transactions.executeRead(status -> publications.latest()).ifPresent(stored -> {
            calendar = new WorkingDayCalendar(shipped.updatedBy(GovUkBankHolidays.parse(stored.json())));
            storedVersion = stored.fetchedAt();
        });
    }

    /** When this replica's calendar was last taken from a stored copy; empty while it uses only the shipped dates. */
    public Optional<Instant> storedVersion() {
        return Optional.ofNullable(storedVersion);
    }

    /** The dates shipped with the kit: GOV.UK's England and Wales publication when the kit was built. */
    public static BankHolidays shipped() {
        return GovUkBankHolidays.parse(readShipped());
    }

    private static String readShipped() {
        try (InputStream in = WorkingDays.class.getClassLoader().getResourceAsStream(SHIPPED)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + SHIPPED);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
