package org.opendsr.referral.intake.adapters.web;

import java.time.LocalDate;
import java.util.List;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.opendsr.contracts.common.Diagnosis;
import org.opendsr.contracts.common.RagRating;
import org.opendsr.referral.person.adapters.web.PersonParts.ContactDetails;
import org.opendsr.referral.person.adapters.web.PersonParts.KeyProfessionalDetails;
import org.opendsr.referral.lifecycle.domain.MinimumDataSet;
import org.opendsr.referral.person.application.NewPerson;
import org.opendsr.referral.person.adapters.web.PersonParts;
import org.opendsr.kit.web.NotBlankWhenGiven;

/** A professional's referral: the person and the DSR minimum data set, and optionally more of the person's record. */
@Serdeable
@Schema(name = "ProfessionalReferral")
public record ProfessionalReferralRequest(
        @NotBlank @Size(max = 100) String givenName,
        @NotBlank @Size(max = 100) String familyName,
        @NotNull @Schema(example = "2011-06-15") LocalDate dateOfBirth,
        @Nullable @NotBlankWhenGiven
        @Schema(description = "10 digits, spaces allowed; leave out if not known", example = "943 476 5919") String nhsNumber,
        @NotBlank @Size(max = 10) @Schema(example = "SN1 2JH") String postcode,
        @NotBlank @Schema(description = "One of the ICB's configured localities", example = "SWINDON") String locality,
        @NotBlank @Size(max = 4000) String reasonForReferral,
        @NotBlank @Size(max = 4000)
        @Schema(description = "Current issues that could lead to admission or placement breakdown") String currentIssues,
        @Nullable @Size(max = 4000) @Schema(description = "What has been tried, including positive strategies") String whatHasBeenTried,
        @Nullable @Size(max = 4000) @Schema(description = "What could further reduce risk") String whatCouldReduceRisk,
        @Nullable @Schema(description = "The referrer's indicative rating") RagRating indicativeRag,
        @Nullable @Schema(description = "Learning disability, autism, both, or on an assessment pathway") Diagnosis diagnosis,
        @Nullable @Valid PersonParts.AddressLines address,
        @Nullable @Valid PersonParts.DemographicsCodes demographics,
        @Nullable @Size(max = 20) List<@Valid ContactDetails> contacts,
        @Nullable @Size(max = 20) List<@Valid KeyProfessionalDetails> keyProfessionals) {

    /** Personal data stays out of logs and messages even if this is printed by mistake. */
    @Override
    public String toString() {
        return "ProfessionalReferralRequest[personal data redacted]";
    }

    public NewPerson toPerson() {
        return new NewPerson(givenName, familyName, dateOfBirth, nhsNumber, postcode, locality,
                address == null ? null : address.toAddress(),
                demographics == null ? null : demographics.toDemographics(), diagnosis,
                PersonParts.contacts(contacts), PersonParts.keyProfessionals(keyProfessionals));
    }

    public MinimumDataSet toMinimumDataSet() {
        return new MinimumDataSet(reasonForReferral, currentIssues, whatHasBeenTried, whatCouldReduceRisk, indicativeRag);
    }
}
