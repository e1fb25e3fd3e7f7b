package org.opendsr.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.opendsr.contracts.common.Diagnosis;
import org.opendsr.contracts.common.RagRating;
import org.opendsr.contracts.referral.RemovalReason;
import org.opendsr.referral.person.adapters.persistence.ContactRow;
import org.opendsr.referral.person.adapters.persistence.KeyProfessionalRow;
import org.opendsr.referral.person.adapters.persistence.PersonRow;
import org.opendsr.referral.lifecycle.adapters.persistence.ReferralRow;
import org.opendsr.referral.register.adapters.persistence.RegisterEntryRow;
import org.opendsr.referral.person.application.Address;
import org.opendsr.referral.intake.application.CompletingSelfOrFamilyReferrals;
import org.opendsr.referral.person.application.Demographics;
import org.opendsr.referral.lifecycle.domain.MinimumDataSet;
import org.opendsr.referral.person.application.NewContact;
import org.opendsr.referral.person.application.NewKeyProfessional;
import org.opendsr.referral.person.application.NewPerson;
import org.opendsr.referral.person.application.UpdatingPersonRecords;
import org.opendsr.referral.person.domain.ContactRelationship;
import org.opendsr.referral.person.domain.NhsNumber;
import org.opendsr.referral.register.domain.RegisterEntry;
import org.opendsr.referral.notifications.application.LocalMailbox;
import org.opendsr.referral.notifications.application.OutgoingMessage;
import org.opendsr.referral.notifications.domain.AccessibleFormat;
import org.opendsr.referral.notifications.domain.Addressee;
import org.opendsr.referral.notifications.domain.Channel;
import org.opendsr.referral.notifications.domain.CommunicationNeeds;
import org.opendsr.referral.notifications.domain.PersonToNotify;
import org.opendsr.referral.notifications.domain.RecipientRole;
import org.opendsr.referral.person.domain.Contact;

/**
 * Whatever holds a person's details prints without them, so a log line or an exception message that shows one by
 * mistake still carries no personal data.
 */
class PersonalDataNeverPrintedTest {

    private static final String[] DETAILS = {"Perpetua", "Wolstenholme", "9990000026", "2010-09-23", "BA2 7AY",
            "Quenby", "07700 900987", "perpetua@example.org", "Augusta", "Escalating distress", "moved to Leeds"};

    @Test
    void recordsOfThePersonTheirReferralAndTheirContactsPrintRedacted() {
        UUID id = UUID.randomUUID();
        Instant now = Instant.now();
        LocalDate born = LocalDate.parse("2010-09-23");
        Addressee addressee = new Addressee(RecipientRole.PERSON, "Perpetua Wolstenholme", Channel.LETTER, null,
                List.of("Quenby Cottage", "Bath", "BA2 7AY"), AccessibleFormat.STANDARD, null);
        List<Object> holders = List.of(
                new PersonRow(id, "Perpetua", "Wolstenholme", born, "9990000026", "BA2 7AY", "SWINDON", "Quenby Cottage",
                        null, "Bath", "A", "2", "AUTISM", now, now),
                ReferralRow.received(id, id, "PROFESSIONAL", true, "Escalating distress", "Escalating distress", null,
                        null, "RED", "sam", null, now, born).fromAgency("WC-1", "Augusta", "Nurse",
                        "perpetua@example.org", "07700 900987"),
                new ContactRow(id, id, 0, "PERSON", "Augusta", "07700 900987", "perpetua@example.org", false),
                new KeyProfessionalRow(id, id, 0, "Augusta", "Nurse", "CAMHS", "07700 900987", "perpetua@example.org", null),
                RegisterEntryRow.of(RegisterEntry.open(id, id, id, now, null, Optional.empty()).entry()
                        .remove(RemovalReason.OTHER, "sam", "moved to Leeds", now).entry(), "sam",
                        "moved to Leeds"),
                new NewPerson("Perpetua", "Wolstenholme", born, "9990000026", "BA2 7AY", "SWINDON",
                        new Address("Quenby Cottage", null, "Bath"), new Demographics("A", "2"), Diagnosis.AUTISM,
                        List.of(new NewContact(ContactRelationship.PERSON, null, "07700 900987", "perpetua@example.org",
                                false)),
                        List.of(new NewKeyProfessional("Augusta", "Nurse", "CAMHS", null, "perpetua@example.org", null))),
                new Address("Quenby Cottage", null, "Bath"),
                new org.opendsr.referral.notifications.domain.Referrer("Augusta", "perpetua@example.org"),
                new MinimumDataSet("Escalating distress", "Escalating distress", null, null, RagRating.RED),
                new UpdatingPersonRecords.Identity("Perpetua", "Wolstenholme", born, NhsNumber.parse("9990000026", true)),
                new CompletingSelfOrFamilyReferrals.Completion(born, "SWINDON", NhsNumber.parse("9990000026", true), null,
                        new MinimumDataSet("Escalating distress", "x", null, null, null)),
                // The notifier's: the person as it reads them at send time, whom a message goes to, the message itself,
                // and what the local mailbox shows.
                new PersonToNotify(id, "Perpetua", "Wolstenholme", List.of("Quenby Cottage", "BA2 7AY"), true, false,
                        CommunicationNeeds.NOT_RECORDED,
                        List.of(new Contact(id, id, 0, ContactRelationship.PERSON, "Augusta", "07700 900987",
                                "perpetua@example.org", false)),
                        List.of(), "sam"),
                addressee,
                new OutgoingMessage(id, id, addressee, "consent-reminder-person-email",
                        Map.of("name", "Perpetua", "person_name", "Perpetua Wolstenholme")),
                new LocalMailbox.Message(id, id, id, "PERSON", "EMAIL", "consent-reminder-person-email",
                        "perpetua@example.org", Map.of("name", "Perpetua"), now));

        for (Object holder : holders) {
            assertThat(String.valueOf(holder)).as(holder.getClass().getSimpleName()).doesNotContain(DETAILS);
        }
    }

    /** Issue 15's worklists: their lines, and the family's answer to a keyworker suggestion. */
    @Test
    void theKeyworkerAndMovesWorklistsPrintRedacted() {
        UUID id = UUID.randomUUID();
        Instant now = Instant.now();
        List<Object> holders = List.of(
                new org.opendsr.referral.keyworker.application.KeyworkerSuggestions.Line(id, id, "Perpetua",
                        "Wolstenholme", "SWINDON", "UNDER_25_AT_REFERRAL", now),
                new org.opendsr.referral.moves.application.MovesOutOfArea.Line(id, id, "Perpetua", "Wolstenholme",
                        "SWINDON", now, id, "sam"),
                new org.opendsr.referral.keyworker.domain.KeyworkerSuggestion(id, id, id, "UNDER_25_AT_REFERRAL", now,
                        null).withOutcome(org.opendsr.referral.keyworker.domain.KeyworkerSuggestion.Decision
                                .DECLINED_BY_FAMILY, "Augusta says moved to Leeds", null, "sam", now),
                new org.opendsr.referral.keyworker.adapters.web.KeyworkerSuggestionController.OutcomeRequest(
                        org.opendsr.referral.keyworker.domain.KeyworkerSuggestion.Decision.DECLINED_BY_FAMILY,
                        "Augusta says moved to Leeds", null));

        for (Object holder : holders) {
            assertThat(String.valueOf(holder)).as(holder.getClass().getSimpleName()).doesNotContain(DETAILS);
        }
    }
}
