package org.opendsr.referral.person.application;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.opendsr.kit.audit.AuditOutcome;
import org.opendsr.kit.audit.AuditPage;
import org.opendsr.kit.rules.RuleBroken;
import org.opendsr.referral.audit.application.Actor;
import org.opendsr.referral.audit.application.AuditTrail;
import org.opendsr.referral.lifecycle.domain.ConsentStanding;
import org.opendsr.referral.lifecycle.domain.ConsentStandings;
import org.opendsr.referral.person.domain.Contact;
import org.opendsr.referral.person.domain.Contacts;
import org.opendsr.referral.lifecycle.domain.EligibilityAssessment;
import org.opendsr.referral.lifecycle.domain.EligibilityAssessments;
import org.opendsr.referral.person.domain.KeyProfessional;
import org.opendsr.referral.person.domain.KeyProfessionals;
import org.opendsr.referral.person.domain.People;
import org.opendsr.referral.person.domain.CommunicationPreferences;
import org.opendsr.referral.person.domain.CommunicationPreferencesHeld;
import org.opendsr.referral.person.domain.Person;
import org.opendsr.referral.lifecycle.domain.Referral;
import org.opendsr.referral.intake.application.ReferralDetailsToReview;
import org.opendsr.referral.lifecycle.domain.Referrals;
import org.opendsr.referral.register.domain.RegisterEntries;
import org.opendsr.referral.register.domain.RegisterEntry;
import org.opendsr.referral.access.domain.AccessPurpose;
import org.opendsr.referral.audit.application.AuditAction;
import org.opendsr.kit.access.Caller;
import org.opendsr.referral.shared.application.Now;
import org.opendsr.referral.access.application.RecordAccess;
import org.opendsr.referral.retention.application.PeopleInRetention;
import org.opendsr.referral.rights.application.Merges;
import org.opendsr.referral.rights.application.ProcessingRestrictions;

/** Reads a person's record, a referral, or a person's audit trail, each audited in the same transaction. */
@Singleton
public class ReadingRecords {

    /** Everything referral-service holds about a person. */
    public record PersonRecord(Person person, List<Contact> contacts, List<KeyProfessional> keyProfessionals,
                               List<Referral> referrals, List<RegisterEntry> registerEntries,
                               Optional<ConsentStanding> consent, CommunicationPreferences communicationPreferences,
                               boolean processingRestricted, List<UUID> mergedRecords) {
        @Override
        public String toString() {
            return "PersonRecord[personId=" + person.id() + ", personal data redacted]";
        }
    }

    /** A referral, its person and, once decided, its criteria checklist. */
    public record ReferralRecord(Referral referral, Person person, Optional<EligibilityAssessment> assessment,
                                 Map<String, String> detailsToReview, boolean personShown, boolean freeTextShown,
                                 boolean processingRestricted) {
        @Override
        public String toString() {
            return "ReferralRecord[referralId=" + referral.id() + ", personal data redacted]";
        }
    }

    private final RecordAccess access;
    private final People people;
    private final Contacts contacts;
    private final KeyProfessionals keyProfessionals;
    private final Referrals referrals;
    private final RegisterEntries registerEntries;
    private final ConsentStandings consent;
    private final EligibilityAssessments assessments;
    private final AuditTrail auditTrail;
    private final ReferralDetailsToReview detailsToReview;
    private final CommunicationPreferencesHeld communicationPreferences;
    private final Clock clock;
    private final PeopleInRetention archive;
    private final Merges merges;
    private final ProcessingRestrictions restrictions;

    public ReadingRecords(PeopleInRetention archive, Merges merges, ProcessingRestrictions restrictions,
                          ReferralDetailsToReview detailsToReview, RecordAccess access, People people, Contacts contacts,
                          KeyProfessionals keyProfessionals,
                          Referrals referrals, RegisterEntries registerEntries, ConsentStandings consent,
                          EligibilityAssessments assessments, AuditTrail auditTrail,
                          CommunicationPreferencesHeld communicationPreferences, Clock clock) {
        this.archive = archive;
        this.communicationPreferences = communicationPreferences;
        this.merges = merges;
        this.restrictions = restrictions;
        this.detailsToReview = detailsToReview;
        this.access = access;
        this.people = people;
        this.contacts = contacts;
        this.keyProfessionals = keyProfessionals;
        this.referrals = referrals;
        this.registerEntries = registerEntries;
        this.consent = consent;
        this.assessments = assessments;
        this.auditTrail = auditTrail;
        this.clock = clock;
    }

    /**
     * The person's record. A merged-away id answers with the survivor's record (its personId says which), as if the
     * client had asked for it: the data it held is there, and following the id in the answer is all a client needs.
     */
    @Transactional
    public PersonRecord person(UUID askedFor, Caller caller, AccessPurpose purpose) {
        UUID personId = merges.current(askedFor);
        Person person = access.personFor(personId, caller);
        requirePurposeIfArchived(personId, caller, "record");
        access.audit(personId, Actor.of(caller), AuditAction.READ, personId.equals(askedFor) ? "record"
                : "record (asked for as merged record " + askedFor + ")", purpose, Now.of(clock));
        return new PersonRecord(person, contacts.of(personId),
                keyProfessionals.of(personId),
                referrals.ofPerson(personId),
                registerEntries.ofPerson(personId), consent.of(personId),
                communicationPreferences.of(personId).orElse(CommunicationPreferences.NOT_RECORDED),
                restrictions.of(personId).restricted(), merges.mergedInto(personId));
    }

    /**
     * The DSR team sees every referral; a professional the ones they made or whose person they are linked to, with
     * the person's details only while they are linked.
     */
    @Transactional
    public ReferralRecord referral(UUID referralId, Caller caller, AccessPurpose purpose) {
        Optional<Referral> found = referrals.byId(referralId);
        if (found.isEmpty() || !(found.get().isReferredBy(caller.userId())
                || access.mayAccess(found.get().personId(), caller))) {
            access.auditAttempt(found.map(Referral::personId).orElse(null), caller, "referral " + referralId,
                    found.isPresent() ? AuditOutcome.REFUSED : AuditOutcome.NOT_FOUND);
            throw RuleBroken.notFound("The referral");
        }
        Referral referral = found.get();
        requirePurposeIfArchived(referral.personId(), caller, "referral " + referralId);
        access.audit(referral.personId(), Actor.of(caller), AuditAction.READ, "referral " + referralId, purpose,
                Now.of(clock));
        // A referrer keeps seeing the referral they made and its outcome, but once it no longer gives them a need to
        // know (declined, withdrawn, or the person left the register) not the person's record as it is now.
        // Nor, until the DSR team has made first contact, the record their referral was linked to: their referral
        // may have named someone the DSR already knew, and what it was linked to (the record's names, a number it
        // lacks, the details that differed) must not tell them so. (Their care-team place starts at that contact
        // too; this says it for the referral's own view.) The details kept for review are the DSR team's.
        boolean awaitingTheDsrTeam = referral.isReferredBy(caller.userId()) && referral.contactedAt() == null;
        boolean managesCare = access.managesCareOf(referral.personId(), caller);
        boolean personShown = access.mayAccess(referral.personId(), caller) && (managesCare || !awaitingTheDsrTeam);
        // Minimum necessary: a member who is only a referrer reads their own referrals' free text, not other
        // professionals' (the responsible and key professionals, the area team and leads read all of it).
        boolean freeTextShown = referral.isReferredBy(caller.userId()) || !access.onlyAsReferrer(referral.personId(),
                caller);
        return new ReferralRecord(referral, people.byId(referral.personId()).orElseThrow(),
                assessments.of(referralId), managesCare ? detailsToReview.of(referralId) : Map.of(), personShown,
                freeTextShown, personShown && restrictions.of(referral.personId()).restricted());
    }

    /**
     * An archived record (issue 16: the DSR's work with the person ended months ago) is read only for a purpose the
     * caller states: no endpoint's default stands in for it. Refused otherwise (400 naming the header), and the
     * attempt is on the audit trail.
     */
    private void requirePurposeIfArchived(UUID personId, Caller caller, String what) {
        if ((caller.statedPurpose() == null || caller.statedPurpose().isBlank()) && archive.isArchived(personId)) {
            access.auditAttempt(personId, caller, what, AuditOutcome.REFUSED);
            throw RuleBroken.invalid(Caller.PURPOSE_HEADER, "the person's record is archived: state why you read"
                    + " it (one of " + java.util.Arrays.stream(AccessPurpose.values())
                    .filter(AccessPurpose::isStatedByCallers).toList() + ")");
        }
    }

    /**
     * A person's audit trail for a lead: who read or changed the record or tried to, when, what, why, and the old
     * and new values of changes. Reading it is itself on it. The person may no longer exist (the trail outlives the
     * record), so it is not looked up.
     */
    @Transactional
    public AuditPage auditTrail(UUID askedFor, @Nullable Long before, int size, Caller caller, AccessPurpose purpose) {
        UUID personId = merges.current(askedFor);
        access.audit(personId, Actor.of(caller), AuditAction.READ, "audit trail", purpose, Now.of(clock));
        // The trail is append-only: a merged record's entries stay under its id and are read with the survivor's.
        List<UUID> merged = merges.mergedInto(personId);
        if (merged.isEmpty()) {
            return auditTrail.ofPerson(personId, before, size);
        }
        List<UUID> all = new java.util.ArrayList<>(merged);
        all.add(0, personId);
        return auditTrail.ofPeople(all, before, size);
    }
}
