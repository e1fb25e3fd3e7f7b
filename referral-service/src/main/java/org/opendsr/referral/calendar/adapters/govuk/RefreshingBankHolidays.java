package org.opendsr.referral.calendar.adapters.govuk;

import java.sql.Connection;
import java.time.Clock;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.opendsr.kit.observability.SafeThrowables;
import org.opendsr.referral.calendar.adapters.persistence.WorkingDays;
import org.opendsr.referral.calendar.application.BankHolidayPublications;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.opendsr.referral.shared.application.Now;

/**
 * Refreshes the bank holidays from GOV.UK and stores them for every replica. A failed fetch or a publication that
 * does not look right changes nothing: the last good dates stay in use.
 */
@Singleton
public class RefreshingBankHolidays {

    private static final Logger LOG = LoggerFactory.getLogger(RefreshingBankHolidays.class);

    private final GovUkBankHolidaysClient govUk;
    private final BankHolidayPublications publications;
    private final WorkingDays workingDays;
    private final TransactionOperations<Connection> transactions;
    private final Clock clock;

    public RefreshingBankHolidays(GovUkBankHolidaysClient govUk, BankHolidayPublications publications,
                                  WorkingDays workingDays, TransactionOperations<Connection> transactions, Clock clock) {
        this.govUk = govUk;
        this.publications = publications;
        this.workingDays = workingDays;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** True when a new copy was stored and taken into use. */
    public boolean refresh() {
        String englandAndWales;
        try {
            String fetched = govUk.fetch();
            GovUkBankHolidays.parse(fetched);
            englandAndWales = GovUkBankHolidays.englandAndWalesOnly(fetched);
        } catch (Exception e) {
            LOG.warn("Could not refresh the bank holidays; the dates last stored stay in use: {}",
                    e instanceof GovUkBankHolidays.NotAPublication ? e.getMessage() : SafeThrowables.summary(e));
            return false;
        }
        transactions.executeWrite(status -> {
            publications.store(englandAndWales, Now.of(clock));
            return null;
        });
        workingDays.reload();
        LOG.info("Bank holidays refreshed; published years now {}", workingDays.calendar().bankHolidays().publishedYears());
        return true;
    }
}
