package org.opendsr.referral.rights.application;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.opendsr.contracts.common.Diagnosis;
import org.opendsr.kit.access.Caller;
import org.opendsr.kit.rules.RuleBroken;
import org.opendsr.referral.access.application.RecordAccess;
import org.opendsr.referral.access.domain.AccessPurpose;
import org.opendsr.referral.audit.application.Actor;
import org.opendsr.referral.audit.application.AuditAction;
import org.opendsr.referral.person.application.Address;
import org.opendsr.referral.person.application.Demographics;
import org.opendsr.referral.person.application.PersonDetailsChecks;
import org.opendsr.referral.person.application.UpdatingPersonRecords;
import org.opendsr.referral.person.domain.People;
import org.opendsr.referral.person.domain.Person;
import org.opendsr.referral.rights.domain.MergeConflict;
import org.opendsr.referral.shared.application.Now;

/**
 * The DSR team settles a detail two merged records disagreed on: the survivor's value stays (KEEP_SURVIVOR), or the
 * merged-away record's is written onto the survivor (TAKE_MERGED) through the same use case as any correction of the
 * record, so it is checked, audited with the values it replaced, and announced (a move, a new area) exactly the same.
 */
@Singleton
public class SettlingMergeConflicts {

    private final MergingPeople merging;
    private final Merges merges;
    private final People people;
    private final UpdatingPersonRecords updating;
    private final PersonDetailsChecks checks;
    private final RecordAccess access;
    private final Clock clock;

    public SettlingMergeConflicts(MergingPeople merging, Merges merges, People people,
                                  UpdatingPersonRecords updating, PersonDetailsChecks checks, RecordAccess access,
                                  Clock clock) {
        this.merging = merging;
        this.merges = merges;
        this.people = people;
        this.updating = updating;
        this.checks = checks;
        this.access = access;
        this.clock = clock;
    }

    @Transactional
    public MergeConflict settle(UUID personId, UUID conflictId, MergeConflict.Settlement settlement, Caller caller,
                                AccessPurpose purpose) {
        MergeConflict conflict = merging.openConflictFor(personId, conflictId, caller);
        Instant now = Now.of(clock);
        if (settlement == MergeConflict.Settlement.TAKE_MERGED) {
            take(conflict, caller, purpose);
        }
        if (!merges.settle(conflictId, settlement, caller.userId(), now)) {
            throw RuleBroken.conflict("merge-conflict-settled", "Already settled", "this conflict was settled already");
        }
        access.audit(conflict.survivor(), Actor.of(caller), AuditAction.CHANGED, "merge conflict "
                + conflict.field().fieldName() + " settled: " + settlement, purpose, now);
        return merges.conflict(conflictId).orElseThrow();
    }

    private void take(MergeConflict conflict, Caller caller, AccessPurpose purpose) {
        UUID into = conflict.survivor();
        Person survivor = people.byId(into).orElseThrow();
        Person merged = people.byId(conflict.mergedPerson()).orElseThrow();
        String value = conflict.mergedValue();
        switch (conflict.field()) {
            case GIVEN_NAME -> identity(into, value, survivor.familyName(), survivor.dateOfBirth(),
                    survivor.nhsNumber(), caller, purpose);
            case FAMILY_NAME -> identity(into, survivor.givenName(), value, survivor.dateOfBirth(),
                    survivor.nhsNumber(), caller, purpose);
            case DATE_OF_BIRTH -> identity(into, survivor.givenName(), survivor.familyName(),
                    MergingPeople.date(value), survivor.nhsNumber(), caller, purpose);
            case NHS_NUMBER -> identity(into, survivor.givenName(), survivor.familyName(),
                    survivor.dateOfBirth(), value, caller, purpose);
            // The merged-away row keeps its address as it was: the lines, postcode and locality go over together.
            case ADDRESS -> updating.address(into, new UpdatingPersonRecords.AddressChange(new Address(
                    merged.addressLine1(), merged.addressLine2(), merged.town()), merged.postcode(),
                    merged.locality()), caller, purpose);
            case ETHNIC_CATEGORY -> updating.demographics(into, new Demographics(value, survivor.genderIdentity()),
                    caller, purpose);
            case GENDER_IDENTITY -> updating.demographics(into, new Demographics(survivor.ethnicCategory(), value),
                    caller, purpose);
            case DIAGNOSIS -> updating.diagnosis(into, Diagnosis.valueOf(value), caller, purpose);
        }
    }

    private void identity(UUID into, String givenName, String familyName,
                          java.time.LocalDate dateOfBirth, String nhsNumber, Caller caller, AccessPurpose purpose) {
        updating.identity(into, new UpdatingPersonRecords.Identity(givenName, familyName, dateOfBirth,
                checks.nhsNumber("nhsNumber", nhsNumber).orElse(null)), caller, purpose);
    }
}
