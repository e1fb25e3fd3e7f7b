package org.opendsr.consent.application;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.opendsr.kit.ports.Locks;
import org.opendsr.consent.domain.Consent;
import org.opendsr.consent.domain.ConsentGiven;
import org.opendsr.consent.domain.ConsentRecording;
import org.opendsr.consent.domain.FreeText;
import org.opendsr.consent.domain.KnownPerson;
import org.opendsr.kit.rules.RuleBroken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records a person's consent, or its renewal, and publishes {@code ConsentRecorded} with the state its dates give
 * today, in one transaction. A renewal closes the consent it renews in the same transaction.
 */
@Singleton
public class RecordingConsent {

    private static final Logger LOG = LoggerFactory.getLogger(RecordingConsent.class);

    private final KnownPeople people;
    private final Consents consents;
    private final Locks locks;
    private final ConsentRecording recording;
    private final ConsentEvents events;
    private final MovingConsentOn movingOn;
    private final Clock clock;

    public RecordingConsent(KnownPeople people, Consents consents, Locks locks, ConsentRecording recording,
                            ConsentEvents events, MovingConsentOn movingOn, Clock clock) {
        this.people = people;
        this.consents = consents;
        this.locks = locks;
        this.recording = recording;
        this.events = events;
        this.movingOn = movingOn;
        this.clock = clock;
    }

    /**
     * A refusal keeps what bringing the consents up to date did (a lapse is published like the nightly run's);
     * nothing else is written before a request is refused.
     *
     * @param recordedBy the professional recording it (user id from their token)
     */
    @Transactional(noRollbackFor = RuleBroken.class)
    public Consent record(ConsentToRecord request, String recordedBy) {
        LocalDate today = LocalDate.now(clock);
        locks.lock(KnowingPeople.PERSON_LOCK + request.personId());
        KnownPerson person = people.find(request.personId()).orElseThrow(RecordingConsent::unknownPerson);
        // Acted on as the dates leave it today: an overdue consent whose grace has ended lapses now, and is not
        // renewed, whether or not tonight's run has reached it.
        Optional<Consent> stored = consents.openConsentOfForUpdate(request.personId())
                .map(consent -> movingOn.upToDate(consent, today));
        Optional<Consent> renewing = Optional.ofNullable(request.renewalOf())
                .map(renewalOf -> stored.filter(consent -> consent.id().equals(renewalOf))
                        .or(() -> consents.findForUpdate(renewalOf).map(consent -> movingOn.upToDate(consent, today)))
                        .orElseThrow(RecordingConsent::unknownConsentToRenew));
        Optional<Consent> open = stored.filter(consent -> consent.state().isOpen());
        ConsentGiven given = new ConsentGiven(request.basis(), request.givenBy(), request.givenOn(),
                request.bestInterests(), request.explainedWith(), FreeText.tidy(request.explainedWithDetail()),
                request.formKeptAt() == null ? null : request.formKeptAt().strip(), recordedBy, clock.instant(),
                request.renewalOf());
        ConsentRecording.Recorded recorded = recording.record(UUID.randomUUID(), person, given, open, renewing, today);
        recorded.renewed().ifPresent(consents::update);
        consents.add(recorded.consent());
        events.publish(recorded.change());
        LOG.info("Consent {} recorded for person {}: {}{}", recorded.consent().id(), person.personId(),
                recorded.consent().state(), request.renewalOf() == null ? "" : ", renewing " + request.renewalOf());
        return recorded.consent();
    }

    private static RuleBroken unknownConsentToRenew() {
        return new RuleBroken(RuleBroken.Kind.NOT_FOUND, "not-found", "Not found", "renewalOf",
                "The consent to renew was not found");
    }

    private static RuleBroken unknownPerson() {
        return new RuleBroken(RuleBroken.Kind.NOT_FOUND, "not-found", "Not found", "personId",
                "No referral for this person has reached consent-service: it knows a person from their referral");
    }
}
