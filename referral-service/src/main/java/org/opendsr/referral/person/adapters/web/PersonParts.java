package org.opendsr.referral.person.adapters.web;

import java.time.LocalDate;
import java.util.List;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.opendsr.contracts.common.Diagnosis;
import org.opendsr.referral.person.application.Address;
import org.opendsr.referral.person.application.Demographics;
import org.opendsr.referral.person.application.NewContact;
import org.opendsr.referral.person.application.NewKeyProfessional;
import org.opendsr.referral.person.application.PersonDetailsChecks;
import org.opendsr.referral.person.application.UpdatingPersonRecords;
import org.opendsr.referral.person.domain.ContactRelationship;
import org.opendsr.kit.web.StrictBoolean;
import org.opendsr.kit.web.NotBlankWhenGiven;

/** The parts of a person's record as requests carry them (in a referral, or to replace one part of the record). */
public final class PersonParts {

    private PersonParts() {
    }

    /** Address lines; the postcode and locality are separate fields wherever an address is given. */
    @Serdeable
    @Schema(name = "AddressLines")
    public record AddressLines(@Nullable @NotBlankWhenGiven @Size(max = 200) @Schema(example = "Flat 2, 14 Example Street") String line1,
                        @Nullable @NotBlankWhenGiven @Size(max = 200) String line2,
                        @Nullable @NotBlankWhenGiven @Size(max = 100) @Schema(example = "Swindon") String town) {
        public Address toAddress() {
            return new Address(line1, line2, town);
        }

        @Override
        public String toString() {
            return "AddressLines[redacted]";
        }
    }

    @Serdeable
    @Schema(name = "Demographics", description = "NHS Data Dictionary codes")
    public record DemographicsCodes(
            @Nullable @NotBlankWhenGiven @Schema(description = "Ethnic category: A-H, J-N, P, R, S, Z (not stated), 99 (not known)",
                    example = "A") String ethnicCategory,
            @Nullable @NotBlankWhenGiven @Schema(description = "Gender identity: 1, 2, 3, 4, Z (not stated), X (not known)",
                    example = "2") String genderIdentity) {
        public Demographics toDemographics() {
            return new Demographics(ethnicCategory, genderIdentity);
        }
    }

    @Serdeable
    @Schema(name = "Contact", description = "The person, a parent or carer, or a paid carer; a phone or an email")
    public record ContactDetails(@NotNull ContactRelationship relationship,
                          @Nullable @Size(max = 200) @Schema(description = "Needed except for the person themself")
                          String name,
                          @Nullable @NotBlankWhenGiven @Size(max = 30) @Schema(example = "07700 900123") String phone,
                          @Nullable @NotBlankWhenGiven @Email @Size(max = 200) String email,
                          @Nullable @Schema(description = "Only for PARENT_OR_CARER")
                          @Serdeable.Deserializable(using = StrictBoolean.class) Boolean hasParentalResponsibility) {
        public NewContact toContact() {
            return new NewContact(relationship, name, phone, email, Boolean.TRUE.equals(hasParentalResponsibility));
        }

        @Override
        public String toString() {
            return "ContactDetails[personal data redacted]";
        }
    }

    @Serdeable
    @Schema(name = "KeyProfessional")
    public record KeyProfessionalDetails(@NotBlank @Size(max = 200) String name,
                                  @NotBlank @Size(max = 100) @Schema(example = "Community LD nurse") String role,
                                  @NotBlank @Size(max = 200) String organisation,
                                  @Nullable @NotBlankWhenGiven @Size(max = 30) String phone,
                                  @Nullable @NotBlankWhenGiven @Email @Size(max = 200) String email,
                                  @Nullable @NotBlankWhenGiven @Size(max = 200)
                                  @Schema(description = "Their DSR user id, so they can see the person's record")
                                  String userId) {
        public NewKeyProfessional toKeyProfessional() {
            return new NewKeyProfessional(name, role, organisation, phone, email, userId);
        }

        @Override
        public String toString() {
            return "KeyProfessionalDetails[details redacted]";
        }
    }

    public static List<NewContact> contacts(@Nullable List<ContactDetails> contacts) {
        return contacts == null ? List.of() : contacts.stream().map(ContactDetails::toContact).toList();
    }

    public static List<NewKeyProfessional> keyProfessionals(@Nullable List<KeyProfessionalDetails> professionals) {
        return professionals == null ? List.of()
                : professionals.stream().map(KeyProfessionalDetails::toKeyProfessional).toList();
    }

    // ---- replacing one part of the record --------------------------------------------------------------------------

    @Serdeable
    @Schema(name = "Identity")
    public record IdentityRequest(@NotBlank @Size(max = 100) String givenName,
                           @NotBlank @Size(max = 100) String familyName,
                           @NotNull LocalDate dateOfBirth,
                           @Nullable @NotBlankWhenGiven
                           @Schema(description = "10 digits, spaces allowed; leave out if not known")
                           String nhsNumber) {
        /** Parsed once, here at the edge: the use case gets values already checked. */
        UpdatingPersonRecords.Identity toIdentity(PersonDetailsChecks checks, LocalDate today) {
            return UpdatingPersonRecords.Identity.parse(givenName, familyName, dateOfBirth, nhsNumber, checks, today);
        }

        @Override
        public String toString() {
            return "IdentityRequest[personal data redacted]";
        }
    }

    @Serdeable
    @Schema(name = "Address")
    public record AddressRequest(@Nullable @NotBlankWhenGiven @Size(max = 200) String line1,
                          @Nullable @NotBlankWhenGiven @Size(max = 200) String line2,
                          @Nullable @NotBlankWhenGiven @Size(max = 100) String town,
                          @NotBlank @Size(max = 10) String postcode,
                          @NotBlank @Schema(description = "A configured locality, or OUT_OF_AREA") String locality) {
        @Override
        public String toString() {
            return "AddressRequest[personal data redacted]";
        }
    }

    @Serdeable
    @Schema(name = "DiagnosisUpdate")
    public record DiagnosisRequest(@Nullable Diagnosis diagnosis) {
    }

    @Serdeable
    @Schema(name = "Contacts")
    public record ContactsRequest(@NotNull @Size(max = 20) List<@Valid ContactDetails> contacts) {
    }

    @Serdeable
    @Schema(name = "KeyProfessionals")
    public record KeyProfessionalsRequest(@NotNull @Size(max = 20) List<@Valid KeyProfessionalDetails> keyProfessionals) {
    }
}
