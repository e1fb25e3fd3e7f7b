package org.opendsr.consent.application;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.opendsr.consent.application.ConsentAccess.Attempt;
import org.opendsr.consent.application.ConsentAudit.Action;
import org.opendsr.kit.access.AccessPurpose;
import org.opendsr.kit.access.Caller;
import org.opendsr.kit.ports.Locks;
import org.opendsr.consent.domain.Consent;
import org.opendsr.consent.domain.ConsentGiven;
import org.opendsr.consent.domain.ConsentRecording;
import org.opendsr.consent.domain.ConsentState;
import org.opendsr.consent.domain.FreeText;
import org.opendsr.consent.domain.KnownPerson;
import org.opendsr.kit.rules.RuleBroken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records a person's consent, or its renewal, and publishes {@code ConsentRecorded} with the state its dates give
 * today, in one transaction. A renewal closes the consent it renews in the same transaction.
 *
 * <p>Only someone with need to know may record or renew a person's consent (a best-interests decision included, as
 * it unlocks the acceptance of a referral): a current member of the person's care team, the DSR team of their area, a
 * lead ({@link ConsentAccess}). Every attempt is audited.
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
    private final ConsentAccess access;
    private final Clock clock;

    public RecordingConsent(KnownPeople people, Consents consents, Locks locks, ConsentRecording recording,
                            ConsentEvents events, MovingConsentOn movingOn, ConsentAccess access, Clock clock) {
        this.people = people;
        this.consents = consents;
        this.locks = locks;
        this.recording = recording;
        this.events = events;
        this.movingOn = movingOn;
        this.access = access;
        this.clock = clock;
    }

    /**
     * A refusal keeps what bringing the consents up to date did (a lapse is published like the nightly run's);
     * nothing else is written before a request is refused, but the audit entry of the refused attempt.
     *
     * @param caller the professional, DSR team member or lead recording it; their user id is kept as recordedBy
     */
    @Transactional(noRollbackFor = RuleBroken.class)
    public Consent record(ConsentToRecord request, Caller caller, AccessPurpose purpose) {
        LocalDate today = LocalDate.now(clock);
        Attempt attempt = new Attempt(caller, purpose, request.renewalOf() == null ? Action.RECORDED : Action.RENEWED,
                request.renewalOf() == null ? "consent" : "consent renewing " + request.renewalOf(), clock.instant());
        // Decided before anything is read, so that a caller without need to know learns nothing, not even whether
        // the person is known here: the answer is the unknown person's.
        access.mustChange(attempt, request.personId(), RecordingConsent::unknownPerson);
        try {
            return record(request, caller.userId(), attempt, today);
        } catch (RuleBroken refused) {
            throw access.failed(attempt, request.personId(), refused);
        }
    }

    private Consent record(ConsentToRecord request, String recordedBy, Attempt attempt, LocalDate today) {
        locks.lock(KnowingPeople.PERSON_LOCK + request.personId());
        KnownPerson person = people.find(request.personId()).orElseThrow(RecordingConsent::unknownPerson);
        // Acted on as the dates leave it today: an overdue consent whose grace has ended lapses now, and is not
        // renewed, whether or not tonight's run has reached it.
        Optional<Consent> stored = consents.openConsentOfForUpdate(request.personId())
                .map(consent -> movingOn.upToDate(consent, today));
        Optional<Consent> renewing = Optional.ofNullable(request.renewalOf())
                .map(renewalOf -> stored.filter(consent -> consent.id().equals(renewalOf))
                        .or(() -> consents.findForUpdate(renewalOf).map(consent -> {
                            mayChangeWhoseConsentItIs(attempt, request.personId(), consent);
                            return movingOn.upToDate(consent, today);
                        }))
                        .orElseThrow(RecordingConsent::unknownConsentToRenew));
        Optional<ConsentState> renewedWas = renewing.map(Consent::state);
        Optional<Consent> open = stored.filter(consent -> consent.state().isOpen());
        ConsentGiven given = new ConsentGiven(request.basis(), request.givenBy(), request.givenOn(),
                request.bestInterests(), request.explainedWith(), FreeText.tidy(request.explainedWithDetail()),
                request.formKeptAt() == null ? null : request.formKeptAt().strip(), recordedBy, clock.instant(),
                request.renewalOf());
        ConsentRecording.Recorded recorded = recording.record(UUID.randomUUID(), person, given, open, renewing, today);
        recorded.renewed().ifPresent(consents::update);
        consents.add(recorded.consent());
        events.publish(recorded.change());
        access.changed(attempt.naming("consent " + recorded.consent().id()), person.personId(),
                renewedWas.map(state -> Map.of("renewalOf", request.renewalOf().toString(), "renewalOfStatus",
                        state.name())).orElse(null), audited(recorded));
        LOG.info("Consent {} recorded for person {}: {}{}", recorded.consent().id(), person.personId(),
                recorded.consent().state(), request.renewalOf() == null ? "" : ", renewing " + request.renewalOf());
        return recorded.consent();
    }

    /**
     * The care-team model decides a renewal by the person whose consent it renews, not only by the person the request
     * names (issue 15): a caller in one person's care team who names another person's consent is refused on that
     * person's audit trail and told the consent to renew does not exist, exactly as for an unknown id, and nothing
     * about it changes. Someone who may change both is told plainly that it is another person's (a domain rule).
     */
    private void mayChangeWhoseConsentItIs(Attempt attempt, UUID requestedFor, Consent renewing) {
        if (!renewing.personId().equals(requestedFor)) {
            access.mustChange(attempt, renewing.personId(), RecordingConsent::unknownConsentToRenew);
        }
    }

    /** What the audit keeps of a recorded consent: its structured facts, never its free text. */
    private static Map<String, String> audited(ConsentRecording.Recorded recorded) {
        Consent consent = recorded.consent();
        Map<String, String> values = new LinkedHashMap<>();
        values.put("basis", consent.given().basis().name());
        values.put("givenBy", consent.given().givenBy().name());
        values.put("givenOn", consent.given().givenOn().toString());
        values.put("status", consent.state().name());
        values.put("renewalDueOn", consent.renewalDue().on().toString());
        if (consent.given().bestInterests() != null) {
            values.put("capacityAssessedOn", consent.given().bestInterests().capacityAssessedOn().toString());
        }
        recorded.renewed().ifPresent(renewed -> values.put("renewalOfStatus", renewed.state().name()));
        return values;
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
