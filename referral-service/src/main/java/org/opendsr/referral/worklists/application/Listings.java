package org.opendsr.referral.worklists.application;

import org.opendsr.kit.access.PersonScope;
import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.opendsr.referral.shared.application.KeysetPage;
import org.opendsr.referral.shared.application.PageRequest;

/**
 * The DSR team's listings: the register (people by status, locality and responsible professional) and the
 * worklists (first contact due and overdue, entries waiting for re-allocation, possible duplicates). Read-only; the
 * caller audits what it shows. Each lists only the people the caller may see ({@link PersonScope}: a DSR team
 * member the people of their areas, a lead everyone), filtered in the database before paging. Every line says
 * whether processing of the person's data is restricted (UK GDPR Article 18), so that nobody acts on it unawares.
 */
public interface Listings {

    /** Filters of the register listing; null means "any". */
    record RegisterFilter(@Nullable String locality, @Nullable String status,
                                 @Nullable String responsibleProfessional, @Nullable Boolean firstContactOverdue) {
    }

    /** One person on the register listing. */
    record RegisterLine(UUID personId, String givenName, String familyName, @Nullable String locality,
                               String status, @Nullable UUID registerEntryId, @Nullable Instant onRegisterFrom,
                               @Nullable String responsibleProfessional, @Nullable Instant unallocatedSince,
                               @Nullable LocalDate firstContactDueOn, @Nullable LocalDate removedOn,
                               @Nullable String removalReason, boolean processingRestricted) {

        public RegisterLine(UUID personId, String givenName, String familyName, @Nullable String locality,
                            String status, @Nullable UUID registerEntryId, @Nullable Instant onRegisterFrom,
                            @Nullable String responsibleProfessional, @Nullable Instant unallocatedSince,
                            @Nullable LocalDate firstContactDueOn, @Nullable LocalDate removedOn,
                            @Nullable String removalReason) {
            this(personId, givenName, familyName, locality, status, registerEntryId, onRegisterFrom,
                    responsibleProfessional, unallocatedSince, firstContactDueOn, removedOn, removalReason, false);
        }

        @Override
        public String toString() {
            return "RegisterLine[personId=" + personId + ", personal data redacted]";
        }
    }

    KeysetPage<RegisterLine> register(RegisterFilter filter, PersonScope scope, LocalDate today, PageRequest page);

    /** A referral waiting for first contact. */
    record AwaitingContact(UUID referralId, UUID personId, String route, Instant receivedAt,
                                  LocalDate firstContactDueOn, boolean complete, String givenName, String familyName,
                                  @Nullable String locality, boolean processingRestricted) {

        public AwaitingContact(UUID referralId, UUID personId, String route, Instant receivedAt,
                               LocalDate firstContactDueOn, boolean complete, String givenName, String familyName,
                               @Nullable String locality) {
            this(referralId, personId, route, receivedAt, firstContactDueOn, complete, givenName, familyName, locality,
                    false);
        }

        @Override
        public String toString() {
            return "AwaitingContact[referralId=" + referralId + ", personal data redacted]";
        }
    }

    /** Referrals waiting for first contact, soonest due first; {@code overdue} true or false narrows them. */
    KeysetPage<AwaitingContact> awaitingFirstContact(@Nullable Boolean overdue, PersonScope scope, LocalDate today,
                                                     PageRequest page);

    /** A register entry without a responsible professional. */
    record Unallocated(UUID registerEntryId, UUID personId, Instant onRegisterFrom, Instant unallocatedSince,
                              String givenName, String familyName, @Nullable String locality,
                              boolean processingRestricted) {

        public Unallocated(UUID registerEntryId, UUID personId, Instant onRegisterFrom, Instant unallocatedSince,
                           String givenName, String familyName, @Nullable String locality) {
            this(registerEntryId, personId, onRegisterFrom, unallocatedSince, givenName, familyName, locality, false);
        }

        @Override
        public String toString() {
            return "Unallocated[registerEntryId=" + registerEntryId + ", personal data redacted]";
        }
    }

    /** Open entries without a responsible professional, longest waiting first. */
    KeysetPage<Unallocated> unallocated(PersonScope scope, PageRequest page);

    /** One of two people flagged as possibly the same. */
    record FlaggedPerson(UUID personId, String givenName, String familyName, @Nullable LocalDate dateOfBirth,
                                @Nullable String nhsNumber, String postcode, @Nullable String locality,
                                boolean processingRestricted) {

        public FlaggedPerson(UUID personId, String givenName, String familyName, @Nullable LocalDate dateOfBirth,
                             @Nullable String nhsNumber, String postcode, @Nullable String locality) {
            this(personId, givenName, familyName, dateOfBirth, nhsNumber, postcode, locality, false);
        }

        @Override
        public String toString() {
            return "FlaggedPerson[personId=" + personId + ", personal data redacted]";
        }
    }

    /** Two people who may be one, flagged for the DSR team. */
    record DuplicateFlag(UUID flagId, Instant flaggedAt, FlaggedPerson person, FlaggedPerson possibleDuplicate) {
    }

    KeysetPage<DuplicateFlag> openDuplicateFlags(PersonScope scope, PageRequest page);
}
