package org.opendsr.referral.intake.adapters.web;

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
import org.opendsr.contracts.common.RagRating;
import org.opendsr.referral.intake.application.CompletingSelfOrFamilyReferrals;
import org.opendsr.referral.lifecycle.domain.MinimumDataSet;
import org.opendsr.referral.person.application.NewContact;
import org.opendsr.referral.person.application.NewPerson;
import org.opendsr.referral.person.application.PersonDetailsChecks;
import org.opendsr.referral.person.domain.ContactRelationship;
import org.opendsr.kit.web.StrictBoolean;
import org.opendsr.kit.web.NotBlankWhenGiven;

/** Requests of intake beyond a professional referral: a self or family referral, and its completion. */
public final class IntakeRequests {

    private IntakeRequests() {
    }

    /** Who made a self or family referral, when it is not the person themself. */
    @Serdeable
    @Schema(name = "MadeBy")
    public record MadeBy(@NotNull @Schema(description = "PERSON or PARENT_OR_CARER") ContactRelationship relationship,
                  @Nullable @Size(max = 200) String name,
                  @Nullable @Serdeable.Deserializable(using = StrictBoolean.class) Boolean hasParentalResponsibility) {
        @Override
        public String toString() {
            return "MadeBy[" + relationship + ", name redacted]";
        }
    }

    /** A minimal first contact from the person or their family, taken by the DSR team. */
    @Serdeable
    @Schema(name = "SelfOrFamilyReferral")
    public record SelfOrFamilyReferralRequest(
            @NotBlank @Size(max = 100) String givenName,
            @NotBlank @Size(max = 100) String familyName,
            @NotBlank @Size(max = 10) @Schema(example = "SN1 2JH") String postcode,
            @Nullable @NotBlankWhenGiven @Size(max = 30) @Schema(description = "A phone number or an email is needed") String phone,
            @Nullable @NotBlankWhenGiven @Email @Size(max = 200) String email,
            @Nullable @Schema(description = "If they said") LocalDate dateOfBirth,
            @Nullable @NotBlankWhenGiven @Schema(description = "If known: one of the ICB's configured localities") String locality,
            @Nullable @Size(max = 4000) @Schema(description = "In their words") String reasonForReferral,
            @Nullable @Valid @Schema(description = "Left out when the person referred themself") MadeBy madeBy) {

        NewPerson toPerson() {
            ContactRelationship relationship = madeBy == null ? ContactRelationship.PERSON : madeBy.relationship();
            NewContact contact = new NewContact(relationship, madeBy == null ? null : madeBy.name(), phone, email,
                    madeBy != null && Boolean.TRUE.equals(madeBy.hasParentalResponsibility()));
            return new NewPerson(givenName, familyName, dateOfBirth, null, postcode, locality, null, null, null,
                    List.of(contact), List.of());
        }

        @Override
        public String toString() {
            return "SelfOrFamilyReferralRequest[personal data redacted]";
        }
    }

    /** The DSR team completes a self or family referral. */
    @Serdeable
    @Schema(name = "Completion")
    public record CompletionRequest(
            @NotNull LocalDate dateOfBirth,
            @NotBlank String locality,
            @Nullable @NotBlankWhenGiven @Schema(description = "Leave out if not known") String nhsNumber,
            @Nullable Diagnosis diagnosis,
            @NotBlank @Size(max = 4000) String reasonForReferral,
            @NotBlank @Size(max = 4000) String currentIssues,
            @Nullable @Size(max = 4000) String whatHasBeenTried,
            @Nullable @Size(max = 4000) String whatCouldReduceRisk,
            @Nullable RagRating indicativeRag) {

        /** Parsed once, here at the edge: the use case gets values already checked. */
        CompletingSelfOrFamilyReferrals.Completion toCompletion(PersonDetailsChecks checks, LocalDate today) {
            return CompletingSelfOrFamilyReferrals.Completion.parse(dateOfBirth, locality, nhsNumber, diagnosis,
                    new MinimumDataSet(reasonForReferral, currentIssues, whatHasBeenTried, whatCouldReduceRisk,
                            indicativeRag), checks, today);
        }

        @Override
        public String toString() {
            return "CompletionRequest[personal data redacted]";
        }
    }
}
