package org.opendsr.referral.person.adapters.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import org.opendsr.contracts.common.AgeBand;
import org.opendsr.contracts.common.LifeStage;
import org.opendsr.referral.person.domain.Person;
import org.opendsr.referral.register.domain.RegisterEntry;
import org.opendsr.referral.person.application.ReadingRecords;
import org.opendsr.referral.person.domain.AgeAtDate;
import org.opendsr.referral.person.domain.EthnicCategory;
import org.opendsr.referral.person.domain.GenderIdentity;
import org.opendsr.referral.register.domain.RegisterStatus;

/** A person's whole record in referral-service, as the DSR team and the professionals linked to them see it. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record PersonRecordView(
        UUID personId,
        String givenName,
        String familyName,
        @Nullable LocalDate dateOfBirth,
        @Nullable AgeBand ageBand,
        @Nullable LifeStage lifeStage,
        @Nullable String nhsNumber,
        Address address,
        @Nullable String locality,
        @Nullable Code ethnicCategory,
        @Nullable Code genderIdentity,
        @Nullable String diagnosis,
        List<Contact> contacts,
        List<KeyProfessional> keyProfessionals,
        Register register,
        @Nullable String consent,
        CommunicationPreferences communicationPreferences,
        List<Referral> referrals,
        boolean processingRestricted,
        List<UUID> mergedRecords,
        Instant recordedAt,
        Instant updatedAt) {

    @Serdeable
    public record Address(@Nullable String line1, @Nullable String line2, @Nullable String town, String postcode) {
        @Override
        public String toString() {
            return "Address[redacted]";
        }
    }

    /** An NHS Data Dictionary code and what it means. */
    @Serdeable
    public record Code(String code, String description) {
    }

    @Serdeable
    public record Contact(String relationship, @Nullable String name, @Nullable String phone, @Nullable String email,
                          boolean hasParentalResponsibility) {
        @Override
        public String toString() {
            return "Contact[" + relationship + ", personal data redacted]";
        }
    }

    @Serdeable
    public record KeyProfessional(String name, String role, String organisation, @Nullable String phone,
                                  @Nullable String email, @Nullable String userId) {
        @Override
        public String toString() {
            return "KeyProfessional[details redacted]";
        }
    }

    /** Where the person is in the DSR, and their latest register entry if they ever had one. */
    @Serdeable
    public record Register(RegisterStatus status, @Nullable UUID registerEntryId, @Nullable Instant onRegisterFrom,
                           @Nullable String responsibleProfessional, @Nullable Instant unallocatedSince,
                           @Nullable Instant removedAt, @Nullable String removalReason) {
    }

    /** How the person wants to be contacted: nothing recorded is no channel, STANDARD, not asked to be left alone. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @io.swagger.v3.oas.annotations.media.Schema(name = "CommunicationPreferencesView")
    public record CommunicationPreferences(@Nullable String preferredChannel, String accessibleFormat,
                                           @Nullable String language, boolean askedNotToBeContacted,
                                           @Nullable LocalDate askedNotToBeContactedOn) {
        static CommunicationPreferences of(org.opendsr.referral.person.domain.CommunicationPreferences held) {
            return new CommunicationPreferences(held.preferredChannel() == null ? null
                    : held.preferredChannel().name(), held.format().name(), held.language(),
                    held.askedNotToBeContacted(), held.askedNotToBeContactedOn());
        }
    }

    @Serdeable
    public record Referral(UUID referralId, String route, String status, Instant receivedAt,
                           LocalDate firstContactDueOn, boolean complete) {
    }

    @Override
    public String toString() {
        return "PersonRecordView[personId=" + personId + ", personal data redacted]";
    }

    /** The record, with the person's age as of today by the DSR clock. */
    static PersonRecordView of(ReadingRecords.PersonRecord record, LocalDate today) {
        Person person = record.person();
        AgeAtDate age = person.dateOfBirth() == null ? null : AgeAtDate.of(person.dateOfBirth(), today);
        List<RegisterEntry> entries = record.registerEntries();
        RegisterEntry latest = entries.isEmpty() ? null : entries.get(entries.size() - 1);
        boolean openEntry = entries.stream().anyMatch(entry -> entry.removedAt() == null);
        boolean openReferral = record.referrals().stream()
                .anyMatch(referral -> referral.isOpen());
        Register register = new Register(RegisterStatus.of(openEntry, openReferral, !entries.isEmpty()),
                latest == null ? null : latest.id(), latest == null ? null : latest.onRegisterFrom(),
                latest == null ? null : latest.responsibleProfessional(),
                latest == null ? null : latest.unallocatedSince(), latest == null ? null : latest.removedAt(),
                latest == null || latest.removalReason() == null ? null : latest.removalReason().name());
        return new PersonRecordView(person.id(), person.givenName(), person.familyName(), person.dateOfBirth(),
                age == null ? null : age.band(), age == null ? null : age.lifeStage(), person.nhsNumber(),
                new Address(person.addressLine1(), person.addressLine2(), person.town(), person.postcode()),
                person.locality(),
                EthnicCategory.ofCode(person.ethnicCategory()).map(c -> new Code(c.code(), c.description())).orElse(null),
                GenderIdentity.ofCode(person.genderIdentity()).map(g -> new Code(g.code(), g.description())).orElse(null),
                person.diagnosis(),
                record.contacts().stream().map(PersonRecordView::contact).toList(),
                record.keyProfessionals().stream().map(PersonRecordView::keyProfessional).toList(),
                register, record.consent().map(standing -> standing.status().name()).orElse(null),
                CommunicationPreferences.of(record.communicationPreferences()),
                record.referrals().stream().map(PersonRecordView::referral).toList(),
                record.processingRestricted(), record.mergedRecords(),
                person.createdAt(), person.updatedAt());
    }

    private static Contact contact(org.opendsr.referral.person.domain.Contact row) {
        return new Contact(row.relationship().name(), row.name(), row.phone(), row.email(), row.hasParentalResponsibility());
    }

    private static KeyProfessional keyProfessional(org.opendsr.referral.person.domain.KeyProfessional row) {
        return new KeyProfessional(row.name(), row.role(), row.organisation(), row.phone(), row.email(), row.userId());
    }

    private static Referral referral(org.opendsr.referral.lifecycle.domain.Referral referral) {
        return new Referral(referral.id(), referral.route().name(), referral.status().name(), referral.receivedAt(),
                referral.firstContactDueOn(), referral.isComplete());
    }
}
