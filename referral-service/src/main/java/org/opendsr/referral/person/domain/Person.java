package org.opendsr.referral.person.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A person's record: who they are, where they live, their demographics and diagnosis. The date of birth and locality
 * are missing only while a self or family referral waits to be completed by the DSR team. Values arrive here already
 * parsed and checked (NHS number digits, a tidy postcode, data dictionary codes); each change says what changed and
 * moves {@code updatedAt}.
 */
public final class Person {

    private final UUID id;
    private final Instant createdAt;
    private String givenName;
    private String familyName;
    private LocalDate dateOfBirth;
    private String nhsNumber;
    private String postcode;
    private String locality;
    private String addressLine1;
    private String addressLine2;
    private String town;
    private String ethnicCategory;
    private String genderIdentity;
    private String diagnosis;
    private Instant updatedAt;

    /** A record as it was saved; nothing is checked (use {@link #recorded} for someone new). */
    public Person(UUID id, String givenName, String familyName, LocalDate dateOfBirth, String nhsNumber,
                  String postcode, String locality, String addressLine1, String addressLine2, String town,
                  String ethnicCategory, String genderIdentity, String diagnosis, Instant createdAt,
                  Instant updatedAt) {
        this.id = Objects.requireNonNull(id, "id");
        this.givenName = givenName;
        this.familyName = familyName;
        this.dateOfBirth = dateOfBirth;
        this.nhsNumber = nhsNumber;
        this.postcode = postcode;
        this.locality = locality;
        this.addressLine1 = addressLine1;
        this.addressLine2 = addressLine2;
        this.town = town;
        this.ethnicCategory = ethnicCategory;
        this.genderIdentity = genderIdentity;
        this.diagnosis = diagnosis;
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.updatedAt = Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** Someone new to the DSR. */
    public static Person recorded(UUID id, String givenName, String familyName, LocalDate dateOfBirth,
                                  String nhsNumber, String postcode, String locality, String addressLine1,
                                  String addressLine2, String town, String ethnicCategory, String genderIdentity,
                                  String diagnosis, Instant at) {
        return new Person(id, givenName, familyName, dateOfBirth, nhsNumber, postcode, locality, addressLine1,
                addressLine2, town, ethnicCategory, genderIdentity, diagnosis, at, at);
    }

    public PersonChange.IdentityChanged changeIdentity(String givenName, String familyName, LocalDate dateOfBirth,
                                                       String nhsNumber, Instant at) {
        this.givenName = givenName;
        this.familyName = familyName;
        this.dateOfBirth = dateOfBirth;
        this.nhsNumber = nhsNumber;
        this.updatedAt = at;
        return new PersonChange.IdentityChanged(id, at);
    }

    public PersonChange.AddressChanged changeAddress(String addressLine1, String addressLine2, String town,
                                                     String postcode, String locality, Instant at) {
        this.addressLine1 = addressLine1;
        this.addressLine2 = addressLine2;
        this.town = town;
        this.postcode = postcode;
        this.locality = locality;
        this.updatedAt = at;
        return new PersonChange.AddressChanged(id, locality, at);
    }

    public PersonChange.DemographicsChanged changeDemographics(String ethnicCategory, String genderIdentity,
                                                               Instant at) {
        this.ethnicCategory = ethnicCategory;
        this.genderIdentity = genderIdentity;
        this.updatedAt = at;
        return new PersonChange.DemographicsChanged(id, at);
    }

    public PersonChange.DiagnosisChanged changeDiagnosis(String diagnosis, Instant at) {
        this.diagnosis = diagnosis;
        this.updatedAt = at;
        return new PersonChange.DiagnosisChanged(id, at);
    }

    /** Contacts or key professionals changed: they are kept beside the record, which shows when it was updated. */
    public PersonChange.PartChanged partChanged(String part, Instant at) {
        this.updatedAt = at;
        return new PersonChange.PartChanged(id, part, at);
    }

    /**
     * A referral for someone already known keeps their record as it is, except what it lacks: a first contact
     * completed by the DSR team may have no date of birth or locality yet, and a referral always says them. Address
     * lines fill gaps only at the same postcode: lines of one address under another's postcode would mix two.
     * Details that differ are for the DSR team to review, never written over the record.
     *
     * @return what changed; empty when the referral added nothing
     */
    public List<PersonChange> fillGapsFrom(LocalDate referredDateOfBirth, String referredPostcode,
                                           String referredLine1, String referredLine2, String referredTown,
                                           String referredLocality, String referredEthnicCategory,
                                           String referredGenderIdentity, String referredDiagnosis, Instant at) {
        List<PersonChange> changes = new ArrayList<>();
        if (dateOfBirth == null && referredDateOfBirth != null) {
            changes.add(changeIdentity(givenName, familyName, referredDateOfBirth, nhsNumber, at));
        }
        boolean samePostcode = referredPostcode.equals(postcode);
        String line1 = gap(addressLine1, samePostcode ? referredLine1 : null);
        String line2 = gap(addressLine2, samePostcode ? referredLine2 : null);
        String newTown = gap(town, samePostcode ? referredTown : null);
        String newLocality = gap(locality, referredLocality);
        if (!Objects.equals(line1, addressLine1) || !Objects.equals(line2, addressLine2)
                || !Objects.equals(newTown, town) || !Objects.equals(newLocality, locality)) {
            changes.add(changeAddress(line1, line2, newTown, postcode, newLocality, at));
        }
        String newEthnicCategory = gap(ethnicCategory, referredEthnicCategory);
        String newGenderIdentity = gap(genderIdentity, referredGenderIdentity);
        if (!Objects.equals(newEthnicCategory, ethnicCategory) || !Objects.equals(newGenderIdentity, genderIdentity)) {
            changes.add(changeDemographics(newEthnicCategory, newGenderIdentity, at));
        }
        if (diagnosis == null && referredDiagnosis != null) {
            changes.add(changeDiagnosis(referredDiagnosis, at));
        }
        return changes;
    }

    private static String gap(String held, String referred) {
        if (held != null && !held.isBlank()) {
            return held;
        }
        return referred == null || referred.isBlank() ? null : referred.trim();
    }

    /** Needed before anything but a self or family first contact can happen (e.g. the age band of an event). */
    public boolean hasDateOfBirth() {
        return dateOfBirth != null;
    }

    public UUID id() {
        return id;
    }

    public String givenName() {
        return givenName;
    }

    public String familyName() {
        return familyName;
    }

    public LocalDate dateOfBirth() {
        return dateOfBirth;
    }

    /** Ten digits, or missing. */
    public String nhsNumber() {
        return nhsNumber;
    }

    public String postcode() {
        return postcode;
    }

    public String locality() {
        return locality;
    }

    public String addressLine1() {
        return addressLine1;
    }

    public String addressLine2() {
        return addressLine2;
    }

    public String town() {
        return town;
    }

    public String ethnicCategory() {
        return ethnicCategory;
    }

    public String genderIdentity() {
        return genderIdentity;
    }

    /** The {@code Diagnosis} name, or missing. */
    public String diagnosis() {
        return diagnosis;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    /** Personal data stays out of logs and messages even if this record is printed by mistake. */
    @Override
    public String toString() {
        return "Person[id=" + id + ", personal data redacted]";
    }
}
