package org.opendsr.referral.application;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.opendsr.kit.web.RequestRefused;
import org.opendsr.referral.adapters.persistence.AuditTrail;
import org.opendsr.referral.adapters.persistence.ConsentStandingRow;
import org.opendsr.referral.adapters.persistence.ConsentStandings;
import org.opendsr.referral.adapters.persistence.ContactRow;
import org.opendsr.referral.adapters.persistence.Contacts;
import org.opendsr.referral.adapters.persistence.EligibilityAssessmentRow;
import org.opendsr.referral.adapters.persistence.EligibilityAssessments;
import org.opendsr.referral.adapters.persistence.KeyProfessionalRow;
import org.opendsr.referral.adapters.persistence.KeyProfessionals;
import org.opendsr.referral.adapters.persistence.Page;
import org.opendsr.referral.adapters.persistence.People;
import org.opendsr.referral.adapters.persistence.PersonRow;
import org.opendsr.referral.adapters.persistence.ReferralRow;
import org.opendsr.referral.adapters.persistence.ReferralDetailsToReview;
import org.opendsr.referral.adapters.persistence.Referrals;
import org.opendsr.referral.adapters.persistence.RegisterEntries;
import org.opendsr.referral.adapters.persistence.RegisterEntryRow;
import org.opendsr.referral.domain.AccessPurpose;

/** Reads a person's record, a referral, or a person's audit trail, each audited in the same transaction. */
@Singleton
public class ReadingRecords {

    /** Everything referral-service holds about a person. */
    public record PersonRecord(PersonRow person, List<ContactRow> contacts, List<KeyProfessionalRow> keyProfessionals,
                               List<ReferralRow> referrals, List<RegisterEntryRow> registerEntries,
                               Optional<ConsentStandingRow> consent) {
        @Override
        public String toString() {
            return "PersonRecord[personId=" + person.id() + ", personal data redacted]";
        }
    }

    /** A referral, its person and, once decided, its criteria checklist. */
    public record ReferralRecord(ReferralRow referral, PersonRow person, Optional<EligibilityAssessmentRow> assessment,
                                 Map<String, String> detailsToReview, boolean personShown) {
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
    private final Clock clock;

    public ReadingRecords(ReferralDetailsToReview detailsToReview, RecordAccess access, People people, Contacts contacts, KeyProfessionals keyProfessionals,
                          Referrals referrals, RegisterEntries registerEntries, ConsentStandings consent,
                          EligibilityAssessments assessments, AuditTrail auditTrail, Clock clock) {
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

    @Transactional
    public PersonRecord person(UUID personId, Caller caller, AccessPurpose purpose) {
        PersonRow person = access.personFor(personId, caller);
        access.audit(personId, caller.asActor(), AuditAction.READ, "record", purpose, Now.of(clock));
        return new PersonRecord(person, contacts.findByPersonIdOrderByPosition(personId),
                keyProfessionals.findByPersonIdOrderByPosition(personId),
                referrals.findByPersonIdOrderByReceivedAt(personId),
                registerEntries.findByPersonIdOrderByOnRegisterFrom(personId), consent.findById(personId));
    }

    /**
     * The DSR team sees every referral; a professional the ones they made or whose person they are linked to, with
     * the person's details only while they are linked.
     */
    @Transactional
    public ReferralRecord referral(UUID referralId, Caller caller, AccessPurpose purpose) {
        ReferralRow referral = referrals.findById(referralId)
                .filter(found -> found.referredBy().equals(caller.userId()) || access.mayAccess(found.personId(), caller))
                .orElseThrow(() -> RequestRefused.notFound("The referral"));
        access.audit(referral.personId(), caller.asActor(), AuditAction.READ, "referral " + referralId, purpose,
                Now.of(clock));
        // A referrer keeps seeing the referral they made and its outcome, but once it no longer gives them a need to
        // know (declined, withdrawn, or the person left the register) not the person's record as it is now.
        boolean personShown = access.mayAccess(referral.personId(), caller);
        return new ReferralRecord(referral, people.findById(referral.personId()).orElseThrow(),
                assessments.findById(referralId), personShown ? detailsToReview.of(referralId) : Map.of(), personShown);
    }

    /** Reading the trail is itself on the trail. */
    @Transactional
    public Page<AuditTrail.Entry> auditTrail(UUID personId, int page, int size, Caller caller, AccessPurpose purpose) {
        access.personFor(personId, caller);
        access.audit(personId, caller.asActor(), AuditAction.READ, "audit trail", purpose, Now.of(clock));
        return auditTrail.of(personId, page, size);
    }
}
