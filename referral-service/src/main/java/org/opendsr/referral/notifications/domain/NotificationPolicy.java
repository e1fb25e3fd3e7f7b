package org.opendsr.referral.notifications.domain;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.opendsr.referral.person.domain.Contact;
import org.opendsr.referral.person.domain.ContactRelationship;
import org.opendsr.referral.person.domain.KeyProfessional;

/**
 * Who is told, how, and when nobody may be. The person hears in their own right from 16 (the Mental Capacity Act
 * applies from 16); under 16 a parent or carer with parental responsibility is told instead, when the record names one.
 * A person with no contact details of their own is told through a parent or carer on the record. The responsible
 * professional is told at work, by e-mail. Nobody on the person's side is ever messaged once the person withdrew
 * consent or asked not to be contacted, and nobody at all while processing of their data is restricted.
 */
public final class NotificationPolicy {

    public static final String CONSENT_WITHDRAWN = "CONSENT_WITHDRAWN";
    public static final String ASKED_NOT_TO_BE_CONTACTED = "ASKED_NOT_TO_BE_CONTACTED";
    /** Processing of the person's data is restricted (UK GDPR Article 18): nothing about them is sent to anyone. */
    public static final String PROCESSING_RESTRICTED = "PROCESSING_RESTRICTED";
    /** An invitation not yet sent when the meeting moved again: only the latest time is sent. */
    public static final String SUPERSEDED_BY_A_LATER_INVITATION = "SUPERSEDED_BY_A_LATER_INVITATION";
    /** An invitation not yet sent when the meeting was cancelled: nothing to invite anyone to. */
    public static final String MEETING_CANCELLED = "MEETING_CANCELLED";
    public static final String NO_CONTACT_DETAILS = "NO_CONTACT_DETAILS";
    public static final String NO_REPRESENTATIVE_ON_RECORD = "NO_REPRESENTATIVE_ON_RECORD";
    public static final String NO_RESPONSIBLE_PROFESSIONAL = "NO_RESPONSIBLE_PROFESSIONAL";
    public static final String RESPONSIBLE_PROFESSIONAL_NOT_ON_RECORD = "RESPONSIBLE_PROFESSIONAL_NOT_ON_RECORD";
    public static final String NO_EMAIL_FOR_RESPONSIBLE_PROFESSIONAL = "NO_EMAIL_FOR_RESPONSIBLE_PROFESSIONAL";
    public static final String NO_EMAIL_FOR_REFERRER = "NO_EMAIL_FOR_REFERRER";

    /**
     * Messages the responsible professional does not get: they are invited to a Meeting by Exception by meeting-service
     * and take part in the meetings whose outcomes the person's side is told of.
     */
    private static final Set<MessageKind> FOR_THE_PERSONS_SIDE_ONLY =
            EnumSet.of(MessageKind.MEETING_BY_EXCEPTION_INVITATION, MessageKind.MEETING_OUTCOME_UPDATE,
                    MessageKind.MEETING_BY_EXCEPTION_CANCELLED);

    private NotificationPolicy() {
    }

    /** Who hears of the message: the person or their representative, and the responsible professional if allocated. */
    public static List<RecipientRole> whoIsTold(MessageKind kind, PersonToNotify person) {
        List<RecipientRole> told = new ArrayList<>();
        // A consent given for the person (best interests, a deputy or attorney, parental responsibility) is renewed
        // by whoever speaks for them: its reminders go to their representative when the record names one.
        if (kind == MessageKind.CONSENT_REMINDER && person.consentGivenForThem() && representative(person).isPresent()) {
            told.add(RecipientRole.REPRESENTATIVE);
        } else {
            told.add(speaksForThePerson(person));
        }
        // An unallocated entry is already on the DSR team's re-allocation worklist: nobody to tell at work.
        if (person.responsibleProfessional() != null && !FOR_THE_PERSONS_SIDE_ONLY.contains(kind)) {
            told.add(RecipientRole.RESPONSIBLE_PROFESSIONAL);
        }
        return told;
    }

    /**
     * Who hears about a referral (that it arrived, its outcome, its status, a meeting's feedback): the professional or
     * agency referrer, or for a self or family referral the person's side (the person, or the parent or carer who
     * made it: a self or family referral records the one who made it as the first contact).
     */
    public static RecipientRole whoHearsTheReferral(boolean selfOrFamilyReferral, PersonToNotify person) {
        return selfOrFamilyReferral ? speaksForThePerson(person) : RecipientRole.REFERRER;
    }

    /** Why the recipient may not be messaged at all, if they may not: checked when queued and again at send time. */
    public static Optional<String> refusal(MessageKind kind, RecipientRole role, PersonToNotify person) {
        // While restricted the data may be stored, not otherwise used: a message about the person, to anyone (their
        // side, the responsible professional, a referrer), uses it. Withheld, not held back: lifting the restriction
        // does not send old news; the DSR team decides what to tell then.
        if (person.processingRestricted()) {
            return Optional.of(PROCESSING_RESTRICTED);
        }
        // A withdrawal, not an absence: consent never given (a self-referral declined for NO_CONSENT) stops nothing.
        if (person.consentWithdrawn()) {
            // A withdrawal ends the conversation about consent with everyone; for other messages only the person's side.
            if (role.isThePersonsSide() || kind == MessageKind.CONSENT_REMINDER) {
                return Optional.of(CONSENT_WITHDRAWN);
            }
        }
        if (role.isThePersonsSide() && person.needs().askedNotToBeContacted()) {
            return Optional.of(ASKED_NOT_TO_BE_CONTACTED);
        }
        return Optional.empty();
    }

    /** How the message reaches the recipient as the record stands now, or why it is not sent. */
    public static Addressing addressing(MessageKind kind, RecipientRole role, PersonToNotify person) {
        return addressing(kind, role, person, null);
    }

    /** The same, with the referral's referrer for a message to {@link RecipientRole#REFERRER}. */
    public static Addressing addressing(MessageKind kind, RecipientRole role, PersonToNotify person,
                                        Referrer referrer) {
        Optional<String> refused = refusal(kind, role, person);
        if (refused.isPresent()) {
            return new Addressing.Withhold(refused.get());
        }
        return switch (role) {
            case PERSON -> toThePerson(kind, person);
            case REPRESENTATIVE -> toTheRepresentative(kind, person);
            case RESPONSIBLE_PROFESSIONAL -> toTheResponsibleProfessional(kind, person);
            case REFERRER -> toTheReferrer(kind, referrer);
        };
    }

    /** A professional or agency referrer is told at work, by e-mail: no e-mail on the referral, nothing to send to. */
    private static Addressing toTheReferrer(MessageKind kind, Referrer referrer) {
        if (referrer == null || blank(referrer.email())) {
            return new Addressing.Unreachable(NO_EMAIL_FOR_REFERRER);
        }
        return new Addressing.Send(new Addressee(RecipientRole.REFERRER, referrer.name() == null ? "" : referrer.name(),
                Channel.EMAIL, referrer.email().trim(), List.of(), AccessibleFormat.STANDARD, null),
                template(kind, "referrer", Channel.EMAIL, AccessibleFormat.STANDARD, null));
    }

    private static RecipientRole speaksForThePerson(PersonToNotify person) {
        if (person.under16() && parentWithResponsibility(person).isPresent()) {
            return RecipientRole.REPRESENTATIVE;
        }
        boolean reachable = ownContact(person).map(NotificationPolicy::hasEmailOrMobile).orElse(false)
                || !person.postalAddress().isEmpty();
        if (!reachable && representative(person).isPresent()) {
            return RecipientRole.REPRESENTATIVE;
        }
        return RecipientRole.PERSON;
    }

    private static Addressing toThePerson(MessageKind kind, PersonToNotify person) {
        Contact own = ownContact(person).orElse(null);
        return choose(kind, RecipientRole.PERSON, person.givenName(), own == null ? null : own.email(),
                own == null ? null : own.phone(), person.postalAddress(), person.needs());
    }

    private static Addressing toTheRepresentative(MessageKind kind, PersonToNotify person) {
        Optional<Contact> representative = representative(person);
        if (representative.isEmpty()) {
            return new Addressing.Unreachable(NO_REPRESENTATIVE_ON_RECORD);
        }
        Contact contact = representative.get();
        // The record holds no address for a contact: a representative is written to by e-mail or text only. The
        // person's accessible format is theirs, not their representative's.
        return choose(kind, RecipientRole.REPRESENTATIVE, contact.name(), contact.email(), contact.phone(), List.of(),
                new CommunicationNeeds(person.needs().preferredChannel(), AccessibleFormat.STANDARD, null, false));
    }

    private static Addressing toTheResponsibleProfessional(MessageKind kind, PersonToNotify person) {
        if (person.responsibleProfessional() == null) {
            return new Addressing.Unreachable(NO_RESPONSIBLE_PROFESSIONAL);
        }
        Optional<KeyProfessional> professional = person.keyProfessionals().stream()
                .filter(key -> person.responsibleProfessional().equals(key.userId()))
                .findFirst();
        if (professional.isEmpty()) {
            return new Addressing.Unreachable(RESPONSIBLE_PROFESSIONAL_NOT_ON_RECORD);
        }
        if (blank(professional.get().email())) {
            return new Addressing.Unreachable(NO_EMAIL_FOR_RESPONSIBLE_PROFESSIONAL);
        }
        return new Addressing.Send(new Addressee(RecipientRole.RESPONSIBLE_PROFESSIONAL, professional.get().name(),
                Channel.EMAIL, professional.get().email().trim(), List.of(), AccessibleFormat.STANDARD, null),
                template(kind, "professional", Channel.EMAIL, AccessibleFormat.STANDARD, null));
    }

    /**
     * The channel: the one preferred if it can be used, else e-mail, text (a mobile only), letter, in that order. A
     * text cannot be laid out in easy read or large print, so someone who needs either is not sent one.
     */
    private static Addressing choose(MessageKind kind, RecipientRole role, String name, String email, String phone,
                                     List<String> postalAddress, CommunicationNeeds needs) {
        List<Channel> usable = new ArrayList<>();
        if (!blank(email)) {
            usable.add(Channel.EMAIL);
        }
        boolean textReadable = needs.format() != AccessibleFormat.EASY_READ
                && needs.format() != AccessibleFormat.LARGE_PRINT;
        if (textReadable && isUkMobile(phone)) {
            usable.add(Channel.SMS);
        }
        if (!postalAddress.isEmpty()) {
            usable.add(Channel.LETTER);
        }
        if (usable.isEmpty()) {
            return new Addressing.Unreachable(NO_CONTACT_DETAILS);
        }
        Channel channel = usable.contains(needs.preferredChannel()) ? needs.preferredChannel() : usable.get(0);
        String destination = switch (channel) {
            case EMAIL -> email.trim();
            case SMS -> phone.trim();
            case LETTER -> null;
        };
        return new Addressing.Send(new Addressee(role, name, channel, destination,
                channel == Channel.LETTER ? postalAddress : List.of(), needs.format(), needs.language()),
                template(kind, "person", channel, needs.format(), needs.language()));
    }

    /**
     * The template's configured name: message, audience, channel and, for an accessible format, its variant, e.g.
     * {@code consent-reminder-person-letter-large-print} or {@code consent-reminder-person-email-other-language-pl}.
     */
    public static String template(MessageKind kind, String audience, Channel channel, AccessibleFormat format,
                                  String language) {
        StringBuilder name = new StringBuilder(kind.templateName()).append('-').append(audience).append('-')
                .append(channel.name().toLowerCase(Locale.ROOT));
        if (format != AccessibleFormat.STANDARD) {
            name.append('-').append(format.name().toLowerCase(Locale.ROOT).replace('_', '-'));
            if (format == AccessibleFormat.OTHER_LANGUAGE && !blank(language)) {
                name.append('-').append(language.trim().toLowerCase(Locale.ROOT));
            }
        }
        return name.toString();
    }

    /** UK mobiles only (07..., +447..., 447...): a landline cannot take a text. */
    static boolean isUkMobile(String phone) {
        if (blank(phone)) {
            return false;
        }
        String digits = phone.replace("(0)", "").replaceAll("[\\s().-]", "");
        return digits.matches("07[0-9]{9}") || digits.matches("\\+?447[0-9]{9}");
    }

    private static Optional<Contact> ownContact(PersonToNotify person) {
        return person.contacts().stream().filter(c -> c.relationship() == ContactRelationship.PERSON).findFirst();
    }

    private static Optional<Contact> parentWithResponsibility(PersonToNotify person) {
        return person.contacts().stream()
                .filter(c -> c.relationship() == ContactRelationship.PARENT_OR_CARER && c.hasParentalResponsibility())
                .findFirst();
    }

    /** A parent with parental responsibility first, else the first parent or carer; never a paid carer. */
    private static Optional<Contact> representative(PersonToNotify person) {
        return parentWithResponsibility(person).or(() -> person.contacts().stream()
                .filter(c -> c.relationship() == ContactRelationship.PARENT_OR_CARER).findFirst());
    }

    private static boolean hasEmailOrMobile(Contact contact) {
        return !blank(contact.email()) || isUkMobile(contact.phone());
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
