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

import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.opendsr.consent.application.ConsentAccess.Attempt;
import org.opendsr.consent.application.ConsentAudit.Action;
import org.opendsr.consent.domain.Consent;
import org.opendsr.consent.domain.KnownPerson;
import org.opendsr.kit.access.Caller;
import org.opendsr.kit.access.PersonScope;
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

    public ReadingConsents(Consents consents, KnownPeople people, Reminders reminders, ConsentAccess access,
                           Clock clock) {
        this.consents = consents;
        this.people = people;
        this.reminders = reminders;
        this.access = access;
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

    /** The person's consent history, if the caller may read the person; otherwise the unknown person's 404. */
    @Transactional
    public ConsentHistory historyOf(UUID personId, Caller caller, AccessPurpose purpose) {
        Attempt attempt = attempt(caller, purpose, "consent history");
        access.mustRead(attempt, personId, ReadingConsents::unknownPerson);
        KnownPerson person = people.find(personId)
                .orElseThrow(() -> access.notFound(attempt, personId, unknownPerson()));
        access.read(attempt, personId);
        return new ConsentHistory(person, withReminders(consents.historyOf(personId)));
    }

    /** The consent the caller has just changed, with its reminders: the change's audit entry covers this answer. */
    @ReadOnly
    public ConsentRecord afterChange(Consent consent) {
        return withReminders(List.of(consent)).get(0);
    }

    /**
     * Active consents due for renewal in the next {@code days} days (and any due earlier not yet moved on), of the
     * people the caller may see.
     */
    @Transactional
    public List<Consent> renewalsDueWithin(int days, Caller caller, AccessPurpose purpose) {
        Attempt attempt = attempt(caller, purpose, "worklist renewals-due");
        return listed(attempt, consents.renewalsDueBy(today().plusDays(days), PersonScope.of(caller, attempt.at())));
    }

    @Transactional
    public List<Consent> overdue(Caller caller, AccessPurpose purpose) {
        Attempt attempt = attempt(caller, purpose, "worklist overdue");
        return listed(attempt, consents.overdue(PersonScope.of(caller, attempt.at())));
    }

    /** Consents that lapsed or were withdrawn in a month, of the people the caller may see. */
    @Transactional
    public List<Consent> closedIn(YearMonth month, Caller caller, AccessPurpose purpose) {
        Attempt attempt = attempt(caller, purpose, "worklist closed " + month);
        return listed(attempt, consents.closedBetween(month.atDay(1), month.atEndOfMonth(),
                PersonScope.of(caller, attempt.at())));
    }

    private Attempt attempt(Caller caller, AccessPurpose purpose, String what) {
        return new Attempt(caller, purpose, Action.READ, what, Instant.now(clock));
    }

    /** A worklist is a read of each consent on it: one audit entry per person shown. */
    private List<Consent> listed(Attempt attempt, List<Consent> shown) {
        access.listed(attempt, shown.stream().map(Consent::personId).toList());
        return shown;
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
