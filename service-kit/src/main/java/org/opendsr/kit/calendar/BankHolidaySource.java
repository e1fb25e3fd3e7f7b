package org.opendsr.kit.calendar;

import java.util.Optional;

/** Where the bank holidays come from (GOV.UK): the England and Wales publication, checked, ready to store. */
public interface BankHolidaySource {

    /** Empty when it could not be fetched or does not look right (the adapter says why in the log). */
    Optional<String> englandAndWales();
}
