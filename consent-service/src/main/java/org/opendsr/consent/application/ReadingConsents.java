package org.opendsr.consent.application;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import org.opendsr.consent.domain.Consent;
import org.opendsr.consent.domain.KnownPerson;

/** Reads consents for the DSR team: one consent, a person's history, and the worklists. */
@Singleton
public class ReadingConsents {

    private final Consents consents;
    private final KnownPeople people;
    private final Reminders reminders;
    private final Clock clock;

    public ReadingConsents(Consents consents, KnownPeople people, Reminders reminders, Clock clock) {
        this.consents = consents;
        this.people = people;
        this.reminders = reminders;
        this.clock = clock;
    }

    /** A consent with the reminders sent for it. */
    public record ConsentRecord(Consent consent, List<SentReminder> reminders) {
    }

    /** Everything recorded about a person's consent, newest first; nothing is ever removed from it. */
    public record ConsentHistory(KnownPerson person, List<ConsentRecord> consents) {

        public Optional<Consent> current() {
            return consents.stream().map(ConsentRecord::consent).filter(consent -> consent.state().isOpen()).findFirst();
        }
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    @ReadOnly
    public Optional<ConsentRecord> consent(UUID consentId) {
        return consents.find(consentId).map(consent -> withReminders(List.of(consent)).get(0));
    }

    @ReadOnly
    public Optional<ConsentHistory> historyOf(UUID personId) {
        return people.find(personId).map(person -> new ConsentHistory(person, withReminders(consents.historyOf(personId))));
    }

    /** Active consents due for renewal in the next {@code days} days (and any due earlier not yet moved on). */
    @ReadOnly
    public WorklistPage renewalsDueWithin(int days, @Nullable String after, int limit) {
        WorklistPage.check(limit);
        return WorklistPage.of(consents.renewalsDueBy(today().plusDays(days), WorklistPage.After.of(after), limit + 1),
                limit, consent -> consent.renewalDue().on());
    }

    /** Overdue consents, nearest to removal first. */
    @ReadOnly
    public WorklistPage overdue(@Nullable String after, int limit) {
        WorklistPage.check(limit);
        return WorklistPage.of(consents.overdue(WorklistPage.After.of(after), limit + 1), limit,
                consent -> consent.snapshot().graceEndsOn());
    }

    /** Consents that lapsed or were withdrawn in a month, in the order they closed. */
    @ReadOnly
    public WorklistPage closedIn(YearMonth month, @Nullable String after, int limit) {
        WorklistPage.check(limit);
        return WorklistPage.of(consents.closedBetween(month.atDay(1), month.atEndOfMonth(), WorklistPage.After.of(after),
                limit + 1), limit, ReadingConsents::closedOn);
    }

    /** How many consents lapsed and how many were withdrawn in a month: the whole month, whatever the page. */
    @ReadOnly
    public long[] closedCountsIn(YearMonth month) {
        return new long[] {consents.lapsedBetween(month.atDay(1), month.atEndOfMonth()),
                consents.withdrawnBetween(month.atDay(1), month.atEndOfMonth())};
    }

    private static LocalDate closedOn(Consent consent) {
        Consent.Snapshot snapshot = consent.snapshot();
        return snapshot.withdrawal() != null ? snapshot.withdrawal().on() : snapshot.lapsedOn();
    }

    private List<ConsentRecord> withReminders(List<Consent> found) {
        Map<UUID, List<SentReminder>> sent = reminders.of(found.stream().map(Consent::id).toList()).stream()
                .collect(Collectors.groupingBy(SentReminder::consentId));
        return found.stream().map(consent -> new ConsentRecord(consent, sent.getOrDefault(consent.id(), List.of())))
                .toList();
    }

}
