package org.opendsr.consent.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.opendsr.consent.application.ConsentAccess.Attempt;
import org.opendsr.consent.application.ConsentAudit.Action;
import org.opendsr.consent.domain.Consent;
import org.opendsr.consent.domain.KnownPerson;
import org.opendsr.kit.access.AccessPurpose;
import org.opendsr.kit.access.Caller;
import org.opendsr.kit.access.PersonScope;
import org.opendsr.kit.lifecycle.MergedPeople;
import org.opendsr.kit.lifecycle.ProcessingRestrictions;
import org.opendsr.kit.rules.RuleBroken;

/**
 * Reads consents for those with need to know ({@link ConsentAccess}): one consent and a person's history for whoever
 * may read the person (their care team, a break-glass reader, the DSR team of their area, a lead); the worklists show
 * only the people the caller may see, filtered in the database. Every read is audited, a refused or not-found one
 * included, so these run in a read-write transaction.
 */
@Singleton
public class ReadingConsents {

    private final Consents consents;
    private final KnownPeople people;
    private final Reminders reminders;
    private final ConsentAccess access;
    private final Clock clock;
    private final MergedPeople mergedPeople;
    private final ProcessingRestrictions restrictions;

    public ReadingConsents(Consents consents, KnownPeople people, Reminders reminders, ConsentAccess access,
                           Clock clock, MergedPeople mergedPeople, ProcessingRestrictions restrictions) {
        this.mergedPeople = mergedPeople;
        this.restrictions = restrictions;
        this.consents = consents;
        this.people = people;
        this.reminders = reminders;
        this.access = access;
        this.clock = clock;
    }

    /** A consent with the reminders sent for it. */
    public record ConsentRecord(Consent consent, List<SentReminder> reminders) {
    }

    /**
     * Everything recorded about a person's consent, newest first; nothing is removed from it but by the person's
     * erasure. {@code processingRestricted}: processing of their data is restricted (UK GDPR Article 18).
     */
    public record ConsentHistory(KnownPerson person, List<ConsentRecord> consents, boolean processingRestricted) {

        public Optional<Consent> current() {
            return consents.stream().map(ConsentRecord::consent).filter(consent -> consent.state().isOpen()).findFirst();
        }
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The consent, if the caller may read its person; otherwise the unknown consent's 404. */
    @Transactional
    public ConsentRecord consent(UUID consentId, Caller caller, AccessPurpose purpose) {
        Attempt attempt = attempt(caller, purpose, "consent " + consentId);
        Consent consent = consents.find(consentId)
                .orElseThrow(() -> access.notFound(attempt, null, RuleBroken.notFound("The consent")));
        access.mustRead(attempt, consent.personId(), () -> RuleBroken.notFound("The consent"));
        access.read(attempt, consent.personId());
        return withReminders(List.of(consent)).get(0);
    }

    /**
     * The person's consent history, if the caller may read the person; otherwise the unknown person's 404. A
     * duplicate's personId, merged since, reads the survivor's.
     */
    @Transactional
    public ConsentHistory historyOf(UUID asked, Caller caller, AccessPurpose purpose) {
        UUID personId = mergedPeople.survivorOf(asked);
        Attempt attempt = attempt(caller, purpose, "consent history");
        access.mustRead(attempt, personId, ReadingConsents::unknownPerson);
        KnownPerson person = people.find(personId)
                .orElseThrow(() -> access.notFound(attempt, personId, unknownPerson()));
        access.read(attempt, personId);
        return new ConsentHistory(person, withReminders(consents.historyOf(personId)),
                restrictions.isRestricted(personId));
    }

    /** The consent the caller has just changed, with its reminders: the change's audit entry covers this answer. */
    @ReadOnly
    public ConsentRecord afterChange(Consent consent) {
        return withReminders(List.of(consent)).get(0);
    }

    /**
     * Active consents due for renewal in the next {@code days} days (and any due earlier not yet moved on), of the
     * people the caller may see, a page at a time.
     */
    @Transactional
    public WorklistPage renewalsDueWithin(int days, @Nullable String after, int limit, Caller caller,
                                          AccessPurpose purpose) {
        WorklistPage.check(limit);
        WorklistPage.After from = WorklistPage.After.of(after);
        Attempt attempt = attempt(caller, purpose, "worklist renewals-due");
        return listed(attempt, WorklistPage.of(consents.renewalsDueBy(today().plusDays(days),
                PersonScope.of(caller, attempt.at()), from, limit + 1), limit, consent -> consent.renewalDue().on()));
    }

    /** Overdue consents of the people the caller may see, nearest to removal first, a page at a time. */
    @Transactional
    public WorklistPage overdue(@Nullable String after, int limit, Caller caller, AccessPurpose purpose) {
        WorklistPage.check(limit);
        WorklistPage.After from = WorklistPage.After.of(after);
        Attempt attempt = attempt(caller, purpose, "worklist overdue");
        return listed(attempt, WorklistPage.of(consents.overdue(PersonScope.of(caller, attempt.at()), from, limit + 1),
                limit, consent -> consent.snapshot().graceEndsOn()));
    }

    /**
     * Consents that lapsed or were withdrawn in a month, of the people the caller may see, in the order they closed,
     * a page at a time.
     */
    @Transactional
    public WorklistPage closedIn(YearMonth month, @Nullable String after, int limit, Caller caller,
                                 AccessPurpose purpose) {
        WorklistPage.check(limit);
        WorklistPage.After from = WorklistPage.After.of(after);
        Attempt attempt = attempt(caller, purpose, "worklist closed " + month);
        return listed(attempt, WorklistPage.of(consents.closedBetween(month.atDay(1), month.atEndOfMonth(),
                PersonScope.of(caller, attempt.at()), from, limit + 1), limit, ReadingConsents::closedOn));
    }

    /**
     * How many consents lapsed and how many were withdrawn in a month, of the people the caller may see: the whole
     * month, whatever the page. Counts name no one, so they are not audited per person.
     */
    @ReadOnly
    public long[] closedCountsIn(YearMonth month, Caller caller) {
        PersonScope scope = PersonScope.of(caller, Instant.now(clock));
        return new long[] {consents.lapsedBetween(month.atDay(1), month.atEndOfMonth(), scope),
                consents.withdrawnBetween(month.atDay(1), month.atEndOfMonth(), scope)};
    }

    private static LocalDate closedOn(Consent consent) {
        Consent.Snapshot snapshot = consent.snapshot();
        return snapshot.withdrawal() != null ? snapshot.withdrawal().on() : snapshot.lapsedOn();
    }

    private Attempt attempt(Caller caller, AccessPurpose purpose, String what) {
        return new Attempt(caller, purpose, Action.READ, what, Instant.now(clock));
    }

    /** A worklist page is a read of each consent on it: one audit entry per person shown (not the whole list). */
    private WorklistPage listed(Attempt attempt, WorklistPage page) {
        access.listed(attempt, page.consents().stream().map(Consent::personId).toList());
        return page;
    }

    private List<ConsentRecord> withReminders(List<Consent> found) {
        Map<UUID, List<SentReminder>> sent = reminders.of(found.stream().map(Consent::id).toList()).stream()
                .collect(Collectors.groupingBy(SentReminder::consentId));
        return found.stream().map(consent -> new ConsentRecord(consent, sent.getOrDefault(consent.id(), List.of())))
                .toList();
    }

    /** The same answer for a person no referral introduced and for one the caller has no need to know. */
    static RuleBroken unknownPerson() {
        return new RuleBroken(RuleBroken.Kind.NOT_FOUND, "not-found", "Not found", null,
                "No referral for this person has reached consent-service");
    }
}
