package org.opendsr.referral.notifications.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.opendsr.referral.person.domain.Contact;
import org.opendsr.referral.person.domain.ContactRelationship;
import org.opendsr.referral.person.domain.KeyProfessional;

class NotificationPolicyTest {

    private static final UUID PERSON = UUID.randomUUID();
    private static final List<String> ADDRESS = List.of("1 Quenby Row", "Swindon", "SN1 2JH");

    private static Contact own(String phone, String email) {
        return new Contact(UUID.randomUUID(), PERSON, 0, ContactRelationship.PERSON, null, phone, email, false);
    }

    private static Contact parent(boolean parentalResponsibility) {
        return new Contact(UUID.randomUUID(), PERSON, 1, ContactRelationship.PARENT_OR_CARER, "Hester", null,
                "hester@example.org", parentalResponsibility);
    }

    private static KeyProfessional professional(String email) {
        return new KeyProfessional(UUID.randomUUID(), PERSON, 0, "Sam Patel", "Nurse", "CLDT", null, email, "sam");
    }

    private static PersonToNotify person(boolean under16, boolean withdrawn, CommunicationNeeds needs,
                                         List<String> address, List<Contact> contacts,
                                         List<KeyProfessional> professionals, String responsible) {
        return new PersonToNotify(PERSON, "Ottoline", "Quince", address, under16, withdrawn, needs, contacts,
                professionals, responsible);
    }

    private static PersonToNotify adult(List<Contact> contacts) {
        return person(false, false, CommunicationNeeds.NOT_RECORDED, ADDRESS, contacts, List.of(), null);
    }

    @Test
    void aChildsParentWithParentalResponsibilityIsToldAndTheResponsibleProfessionalToo() {
        PersonToNotify child = person(true, false, CommunicationNeeds.NOT_RECORDED, ADDRESS,
                List.of(own(null, "otto@example.org"), parent(true)), List.of(professional("sam@nhs.example")), "sam");

        assertThat(NotificationPolicy.whoIsTold(MessageKind.CONSENT_REMINDER, child))
                .containsExactly(RecipientRole.REPRESENTATIVE, RecipientRole.RESPONSIBLE_PROFESSIONAL);
    }

    @Test
    void meetingInvitationsAndUpdatesAreForThePersonsSideOnlyTheResponsibleProfessionalIsInTheMeeting() {
        PersonToNotify child = person(true, false, CommunicationNeeds.NOT_RECORDED, ADDRESS,
                List.of(own(null, "otto@example.org"), parent(true)), List.of(professional("sam@nhs.example")), "sam");
        PersonToNotify adult = person(false, false, CommunicationNeeds.NOT_RECORDED, ADDRESS,
                List.of(own(null, "otto@example.org")), List.of(professional("sam@nhs.example")), "sam");

        for (MessageKind meeting : List.of(MessageKind.MEETING_BY_EXCEPTION_INVITATION,
                MessageKind.MEETING_OUTCOME_UPDATE)) {
            assertThat(NotificationPolicy.whoIsTold(meeting, child)).as(meeting.name())
                    .containsExactly(RecipientRole.REPRESENTATIVE);
            assertThat(NotificationPolicy.whoIsTold(meeting, adult)).as(meeting.name())
                    .containsExactly(RecipientRole.PERSON);
        }
    }

    @Test
    void anEasyReadInvitationIsTheEasyReadTemplateAndNoOneWhoAskedToBeLeftAloneIsInvited() {
        PersonToNotify easyRead = person(false, false,
                new CommunicationNeeds(null, AccessibleFormat.EASY_READ, null, false), ADDRESS,
                List.of(own("07700 900123", null)), List.of(), null);
        PersonToNotify leftAlone = person(false, false,
                new CommunicationNeeds(null, AccessibleFormat.STANDARD, null, true), ADDRESS,
                List.of(own(null, "otto@example.org")), List.of(), null);

        // No text in easy read: the letter.
        assertThat(((Addressing.Send) NotificationPolicy.addressing(MessageKind.MEETING_BY_EXCEPTION_INVITATION,
                RecipientRole.PERSON, easyRead)).template())
                .isEqualTo("meeting-by-exception-invitation-person-letter-easy-read");
        assertThat(NotificationPolicy.addressing(MessageKind.MEETING_OUTCOME_UPDATE, RecipientRole.PERSON, leftAlone))
                .isEqualTo(new Addressing.Withhold(NotificationPolicy.ASKED_NOT_TO_BE_CONTACTED));
    }

    @Test
    void fromSixteenThePersonIsToldThemselfAndAnUnallocatedEntryHasNoProfessionalToTell() {
        assertThat(NotificationPolicy.whoIsTold(MessageKind.CONSENT_REMINDER,
                adult(List.of(own(null, "otto@example.org"), parent(true))))).containsExactly(RecipientRole.PERSON);
    }

    @Test
    void someoneWithNoContactDetailsOfTheirOwnIsToldThroughAParentOrCarer() {
        PersonToNotify unreachable = person(false, false, CommunicationNeeds.NOT_RECORDED, List.of(),
                List.of(parent(false)), List.of(), null);

        assertThat(NotificationPolicy.whoIsTold(MessageKind.CONSENT_REMINDER, unreachable))
                .containsExactly(RecipientRole.REPRESENTATIVE);
    }

    @Test
    void eMailFirstThenTextToAMobileThenLetter() {
        assertThat(channel(adult(List.of(own("07700 900123", "otto@example.org"))))).isEqualTo(Channel.EMAIL);
        assertThat(channel(adult(List.of(own("07700 900123", null))))).isEqualTo(Channel.SMS);
        // A landline cannot take a text.
        assertThat(channel(adult(List.of(own("01793 000000", null))))).isEqualTo(Channel.LETTER);
    }

    @Test
    void aPreferredChannelIsUsedWhenItCanBe() {
        PersonToNotify prefersLetters = person(false, false,
                new CommunicationNeeds(Channel.LETTER, AccessibleFormat.STANDARD, null, false), ADDRESS,
                List.of(own(null, "otto@example.org")), List.of(), null);

        assertThat(channel(prefersLetters)).isEqualTo(Channel.LETTER);
    }

    @Test
    void anAccessibleFormatChoosesTheTemplateVariantAndNeverATextMessage() {
        PersonToNotify easyRead = person(false, false,
                new CommunicationNeeds(null, AccessibleFormat.EASY_READ, null, false), ADDRESS,
                List.of(own("07700 900123", null)), List.of(), null);

        Addressing.Send send = (Addressing.Send) NotificationPolicy.addressing(MessageKind.CONSENT_REMINDER,
                RecipientRole.PERSON, easyRead);

        assertThat(send.addressee().channel()).isEqualTo(Channel.LETTER);
        assertThat(send.template()).isEqualTo("consent-reminder-person-letter-easy-read");
        assertThat(NotificationPolicy.template(MessageKind.CONSENT_REMINDER, "person", Channel.EMAIL,
                AccessibleFormat.OTHER_LANGUAGE, "PL")).isEqualTo("consent-reminder-person-email-other-language-pl");
    }

    @Test
    void nobodyIsRemindedAboutAWithdrawnConsentAndNobodyOnThePersonsSideWhoAskedNotToBeContacted() {
        PersonToNotify withdrawn = person(false, true, CommunicationNeeds.NOT_RECORDED, ADDRESS,
                List.of(own(null, "otto@example.org")), List.of(professional("sam@nhs.example")), "sam");
        PersonToNotify doNotContact = person(false, false,
                new CommunicationNeeds(null, AccessibleFormat.STANDARD, null, true), ADDRESS,
                List.of(own(null, "otto@example.org")), List.of(professional("sam@nhs.example")), "sam");

        for (RecipientRole role : RecipientRole.values()) {
            assertThat(NotificationPolicy.addressing(MessageKind.CONSENT_REMINDER, role, withdrawn))
                    .isEqualTo(new Addressing.Withhold(NotificationPolicy.CONSENT_WITHDRAWN));
        }
        assertThat(NotificationPolicy.addressing(MessageKind.CONSENT_REMINDER, RecipientRole.PERSON, doNotContact))
                .isEqualTo(new Addressing.Withhold(NotificationPolicy.ASKED_NOT_TO_BE_CONTACTED));
        assertThat(NotificationPolicy.addressing(MessageKind.CONSENT_REMINDER, RecipientRole.RESPONSIBLE_PROFESSIONAL,
                doNotContact)).isInstanceOf(Addressing.Send.class);
    }

    @Test
    void theResponsibleProfessionalIsWrittenToAtWorkOrTheMessageIsUnreachable() {
        PersonToNotify noEmail = person(false, false, CommunicationNeeds.NOT_RECORDED, ADDRESS, List.of(),
                List.of(professional(null)), "sam");
        PersonToNotify notOnRecord = person(false, false, CommunicationNeeds.NOT_RECORDED, ADDRESS, List.of(),
                List.of(), "sam");

        assertThat(NotificationPolicy.addressing(MessageKind.CONSENT_REMINDER, RecipientRole.RESPONSIBLE_PROFESSIONAL,
                noEmail)).isEqualTo(new Addressing.Unreachable(NotificationPolicy.NO_EMAIL_FOR_RESPONSIBLE_PROFESSIONAL));
        assertThat(NotificationPolicy.addressing(MessageKind.CONSENT_REMINDER, RecipientRole.RESPONSIBLE_PROFESSIONAL,
                notOnRecord)).isEqualTo(
                        new Addressing.Unreachable(NotificationPolicy.RESPONSIBLE_PROFESSIONAL_NOT_ON_RECORD));
    }

    private static Channel channel(PersonToNotify person) {
        return ((Addressing.Send) NotificationPolicy.addressing(MessageKind.CONSENT_REMINDER, RecipientRole.PERSON,
                person)).addressee().channel();
    }

    @Test
    void aProfessionalOrAgencyReferrerHearsAboutTheReferralAtWorkAndASelfOrFamilyReferrerIsThePersonsSide() {
        PersonToNotify child = person(true, false, CommunicationNeeds.NOT_RECORDED, List.of(), List.of(parent(true)),
                List.of(), null);

        assertThat(NotificationPolicy.whoHearsTheReferral(false, child)).isEqualTo(RecipientRole.REFERRER);
        assertThat(NotificationPolicy.whoHearsTheReferral(true, child)).isEqualTo(RecipientRole.REPRESENTATIVE);
        Addressing toReferrer = NotificationPolicy.addressing(MessageKind.REFERRAL_OUTCOME, RecipientRole.REFERRER,
                child, new Referrer("Sam Patel", " sam.patel@swindon-ld.example "));
        assertThat(toReferrer).isInstanceOfSatisfying(Addressing.Send.class, send -> {
            assertThat(send.template()).isEqualTo("referral-outcome-referrer-email");
            assertThat(send.addressee().destination()).isEqualTo("sam.patel@swindon-ld.example");
        });
        assertThat(NotificationPolicy.addressing(MessageKind.REFERRAL_OUTCOME, RecipientRole.REFERRER, child,
                new Referrer("Sam Patel", " "))).isEqualTo(new Addressing.Unreachable("NO_EMAIL_FOR_REFERRER"));
    }

    @Test
    void aSelfOrFamilyReferrerIsAnsweredWithoutConsentButNeverAfterAWithdrawalOrAskingNotToBeContacted() {
        PersonToNotify noConsentYet = person(false, false, CommunicationNeeds.NOT_RECORDED, ADDRESS,
                List.of(own(null, "otto@example.org")), List.of(), null);
        PersonToNotify withdrew = person(false, true, CommunicationNeeds.NOT_RECORDED, ADDRESS,
                List.of(own(null, "otto@example.org")), List.of(), null);
        PersonToNotify askedNot = person(false, false, new CommunicationNeeds(null, AccessibleFormat.STANDARD, null,
                true), ADDRESS, List.of(own(null, "otto@example.org")), List.of(), null);

        for (MessageKind answer : List.of(MessageKind.REFERRAL_RECEIVED, MessageKind.REFERRAL_OUTCOME,
                MessageKind.REFERRAL_STATUS)) {
            // A self-referral has no consent until it is recorded (declined for NO_CONSENT, it never will): answered.
            assertThat(NotificationPolicy.refusal(answer, RecipientRole.PERSON, noConsentYet)).as(answer.name())
                    .isEmpty();
            // "Never message a person who withdrew or asked not to be contacted" (issue 15).
            assertThat(NotificationPolicy.refusal(answer, RecipientRole.PERSON, withdrew)).as(answer.name())
                    .contains(NotificationPolicy.CONSENT_WITHDRAWN);
            assertThat(NotificationPolicy.refusal(answer, RecipientRole.PERSON, askedNot)).as(answer.name())
                    .contains(NotificationPolicy.ASKED_NOT_TO_BE_CONTACTED);
        }
        // A professional referrer is not the person's side: told the outcome after a withdrawal too.
        assertThat(NotificationPolicy.refusal(MessageKind.REFERRAL_OUTCOME, RecipientRole.REFERRER, withdrew))
                .isEmpty();
    }

    @Test
    void aConsentGivenForAnAdultIsRenewedByWhoeverSpeaksForThem() {
        List<Contact> contacts = List.of(own(null, "otto@example.org"), new Contact(UUID.randomUUID(), PERSON, 1,
                ContactRelationship.PARENT_OR_CARER, "Hester Quince", null, "hester@example.org", false));
        PersonToNotify ownConsent = adult(contacts);
        PersonToNotify bestInterests = new PersonToNotify(PERSON, "Ottoline", "Quince", ADDRESS, false, false,
                CommunicationNeeds.NOT_RECORDED, contacts, List.of(), null, true);

        assertThat(NotificationPolicy.whoIsTold(MessageKind.CONSENT_REMINDER, ownConsent))
                .containsExactly(RecipientRole.PERSON);
        assertThat(NotificationPolicy.whoIsTold(MessageKind.CONSENT_REMINDER, bestInterests))
                .containsExactly(RecipientRole.REPRESENTATIVE);
        // Everything else is still theirs to hear.
        assertThat(NotificationPolicy.whoIsTold(MessageKind.MEETING_OUTCOME_UPDATE, bestInterests))
                .containsExactly(RecipientRole.PERSON);
        // Nobody on the record speaks for them: they are reminded themself rather than nobody.
        PersonToNotify noRepresentative = new PersonToNotify(PERSON, "Ottoline", "Quince", ADDRESS, false, false,
                CommunicationNeeds.NOT_RECORDED, List.of(own(null, "otto@example.org")), List.of(), null, true);
        assertThat(NotificationPolicy.whoIsTold(MessageKind.CONSENT_REMINDER, noRepresentative))
                .containsExactly(RecipientRole.PERSON);
    }

    @Test
    void whileProcessingIsRestrictedNothingAboutThePersonIsSentToAnyone() {
        PersonToNotify restricted = new PersonToNotify(PERSON, "Ottoline", "Quince", ADDRESS, false, false,
                CommunicationNeeds.NOT_RECORDED, List.of(own(null, "otto@example.org"), parent(true)),
                List.of(professional("sam@nhs.example")), "sam", false, true);

        for (MessageKind kind : MessageKind.values()) {
            for (RecipientRole role : RecipientRole.values()) {
                assertThat(NotificationPolicy.refusal(kind, role, restricted)).as(kind + " to " + role)
                        .contains(NotificationPolicy.PROCESSING_RESTRICTED);
                assertThat(NotificationPolicy.addressing(kind, role, restricted, new Referrer("R", "r@nhs.example")))
                        .as(kind + " to " + role).isInstanceOf(Addressing.Withhold.class);
            }
        }
    }
}
