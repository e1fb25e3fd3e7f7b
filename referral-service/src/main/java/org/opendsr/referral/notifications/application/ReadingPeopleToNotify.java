package org.opendsr.referral.notifications.application;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.inject.Singleton;
import org.opendsr.contracts.consent.ConsentStatus;
import org.opendsr.referral.access.application.MergedRecords;
import org.opendsr.referral.lifecycle.domain.ConsentStanding;
import org.opendsr.referral.lifecycle.domain.ConsentStandings;
import org.opendsr.referral.notifications.domain.AccessibleFormat;
import org.opendsr.referral.notifications.domain.Channel;
import org.opendsr.referral.notifications.domain.CommunicationNeeds;
import org.opendsr.referral.notifications.domain.PersonToNotify;
import org.opendsr.referral.person.domain.AgeAtDate;
import org.opendsr.referral.person.domain.CommunicationPreferencesHeld;
import org.opendsr.referral.person.domain.Contacts;
import org.opendsr.referral.person.domain.KeyProfessionals;
import org.opendsr.referral.person.domain.People;
import org.opendsr.referral.person.domain.Person;
import org.opendsr.referral.register.domain.RegisterEntries;
import org.opendsr.referral.register.domain.RegisterEntry;
import org.opendsr.referral.rights.application.ProcessingRestrictions;

/**
 * The person's record as the notifier needs it, from referral-service's own repositories: the record, contacts and
 * key professionals, the consent standing consent-service last reported, and the open register entry's responsible
 * professional, and the communication preferences recorded on the person's record (none recorded: NOT_RECORDED).
 */
@Singleton
public class ReadingPeopleToNotify implements PeopleToNotify {

    private final People people;
    private final Contacts contacts;
    private final KeyProfessionals keyProfessionals;
    private final ConsentStandings consent;
    private final RegisterEntries register;
    private final CommunicationPreferencesHeld preferences;
    private final ProcessingRestrictions restrictions;
    private final MergedRecords merged;

    public ReadingPeopleToNotify(People people, Contacts contacts, KeyProfessionals keyProfessionals,
                                 ConsentStandings consent, RegisterEntries register,
                                 CommunicationPreferencesHeld preferences, ProcessingRestrictions restrictions,
                                 MergedRecords merged) {
        this.restrictions = restrictions;
        this.merged = merged;
        this.preferences = preferences;
        this.people = people;
        this.contacts = contacts;
        this.keyProfessionals = keyProfessionals;
        this.consent = consent;
        this.register = register;
    }

    @Override
    public Optional<PersonToNotify> of(UUID askedFor, LocalDate today) {
        // A message about a record merged away (an event keyed by the old id) goes by the survivor's record.
        UUID personId = merged.current(askedFor);
        Optional<ConsentStanding> standing = consent.of(personId);
        return people.byId(personId).map(person -> new PersonToNotify(person.id(), person.givenName(),
                person.familyName(), postalAddress(person),
                person.hasDateOfBirth() && AgeAtDate.of(person.dateOfBirth(), today).isUnder16(),
                standing.map(ConsentStanding::status).filter(ConsentStatus.WITHDRAWN::equals).isPresent(),
                needsOf(personId), contacts.of(personId), keyProfessionals.of(personId),
                register.openEntryOf(personId).map(RegisterEntry::responsibleProfessional).orElse(null),
                standing.map(ConsentStanding::givenForThem).orElse(false),
                restrictions.of(personId).restricted()));
    }

    private CommunicationNeeds needsOf(UUID personId) {
        return preferences.of(personId).map(recorded -> new CommunicationNeeds(
                recorded.preferredChannel() == null ? null : Channel.valueOf(recorded.preferredChannel().name()),
                AccessibleFormat.valueOf(recorded.format().name()), recorded.language(),
                recorded.askedNotToBeContacted())).orElse(CommunicationNeeds.NOT_RECORDED);
    }

    /** A letter needs at least a first line and the postcode; anything less is no address to write to. */
    private static List<String> postalAddress(Person person) {
        if (blank(person.addressLine1()) || blank(person.postcode())) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        lines.add(person.addressLine1());
        if (!blank(person.addressLine2())) {
            lines.add(person.addressLine2());
        }
        if (!blank(person.town())) {
            lines.add(person.town());
        }
        lines.add(person.postcode());
        return lines;
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
