package org.opendsr.kit.calendar;

import java.util.Optional;

import jakarta.inject.Singleton;
import org.opendsr.kit.observability.SafeThrowables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** GOV.UK's publication, fetched and checked; cut down to England and Wales, still in GOV.UK's format. */
@Singleton
class GovUkBankHolidaySource implements BankHolidaySource {

    // The refresh's own logger: operators look for its lines, whichever class writes them.
    private static final Logger LOG = LoggerFactory.getLogger(RefreshingBankHolidays.class);

    private final GovUkBankHolidaysClient govUk;

    GovUkBankHolidaySource(GovUkBankHolidaysClient govUk) {
        this.govUk = govUk;
    }

    @Override
    public Optional<String> englandAndWales() {
        try {
            String fetched = govUk.fetch();
            GovUkBankHolidays.parse(fetched);
            return Optional.of(GovUkBankHolidays.englandAndWalesOnly(fetched));
        } catch (Exception e) {
            LOG.warn("Could not refresh the bank holidays; the dates last stored stay in use: {}",
                    e instanceof GovUkBankHolidays.NotAPublication ? e.getMessage() : SafeThrowables.summary(e));
            return Optional.empty();
        }
    }
}
