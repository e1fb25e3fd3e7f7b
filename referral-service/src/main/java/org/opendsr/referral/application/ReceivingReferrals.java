package org.opendsr.referral.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.opendsr.contracts.EventTypes;
import org.opendsr.contracts.referral.ReferralReceived;
import org.opendsr.contracts.referral.ReferralRoute;
import org.opendsr.kit.outbox.Outbox;
import org.opendsr.kit.web.RequestRefused;
import org.opendsr.referral.adapters.persistence.People;
import org.opendsr.referral.adapters.persistence.PersonIdentityLock;
import org.opendsr.referral.adapters.persistence.PersonRow;
import org.opendsr.referral.adapters.persistence.ReferralRow;
import org.opendsr.referral.adapters.persistence.Referrals;
import org.opendsr.referral.domain.AgeAtDate;
import org.opendsr.referral.domain.NhsNumber;
import org.opendsr.referral.domain.PostcodeFormat;
import org.opendsr.referral.domain.ReferralStatus;
import org.opendsr.referral.domain.Referrer;

/**
 * Receives a referral: finds the person by NHS number or records them, records the referral, and publishes
 * {@code ReferralReceived} (no personal identifiers) in the same transaction.
 */
@Singleton
public class ReceivingReferrals {

    /** Older than anyone alive: a date of birth before this is a typing error. */
    private static final int OLDEST_PLAUSIBLE_AGE = 120;

    private final People people;
    private final Referrals referrals;
    private final PersonIdentityLock identityLock;
    private final Outbox outbox;
    private final ReferralSettings settings;
    private final Clock clock;

    public ReceivingReferrals(People people, Referrals referrals, PersonIdentityLock identityLock, Outbox outbox,
                              ReferralSettings settings, Clock clock) {
        this.people = people;
        this.referrals = referrals;
        this.identityLock = identityLock;
        this.outbox = outbox;
        this.settings = settings;
        this.clock = clock;
    }

    @Transactional
    public ReferralReceipt receiveProfessionalReferral(NewProfessionalReferral referral, Referrer referrer) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.now(clock);
        checkDateOfBirth(referral.dateOfBirth(), today);
        checkLocality(referral.locality());
        if (!PostcodeFormat.isValid(referral.postcode())) {
            throw RequestRefused.invalidField("postcode", "must be a UK postcode, e.g. SN1 2JH");
        }
        Optional<NhsNumber> nhsNumber = Optional.ofNullable(referral.nhsNumber())
                .filter(text -> !text.isBlank())
                .map(this::parseNhsNumber);

        Optional<PersonRow> known = nhsNumber.flatMap(number -> {
            identityLock.lock(number.digits());
            return people.findByNhsNumber(number.digits());
        });
        PersonRow person = known.orElseGet(() -> people.save(new PersonRow(UUID.randomUUID(),
                referral.givenName().trim(), referral.familyName().trim(), referral.dateOfBirth(),
                nhsNumber.map(NhsNumber::digits).orElse(null), PostcodeFormat.normalise(referral.postcode()),
                referral.locality(), now, now)));

        ReferralRow saved = referrals.save(new ReferralRow(UUID.randomUUID(), person.id(),
                ReferralRoute.PROFESSIONAL.name(), ReferralStatus.RECEIVED.name(), referral.reasonForReferral(),
                referral.currentIssues(), referral.whatHasBeenTried(), referral.whatCouldReduceRisk(),
                referral.indicativeRag() == null ? null : referral.indicativeRag().name(),
                referrer.userId(), referrer.organisation(), now));

        AgeAtDate age = AgeAtDate.of(person.dateOfBirth(), today);
        outbox.append("referral", person.id(), EventTypes.REFERRAL_RECEIVED_V1, new ReferralReceived(
                saved.id(), person.id(), ReferralRoute.PROFESSIONAL, person.locality(), age.band(), age.lifeStage(),
                referral.indicativeRag(), now, null));
        return new ReferralReceipt(saved.id(), person.id(), ReferralStatus.RECEIVED, now, known.isPresent());
    }

    private NhsNumber parseNhsNumber(String text) {
        try {
            return NhsNumber.parse(text, settings.isAcceptTestNhsNumbers());
        } catch (NhsNumber.InvalidNhsNumber invalid) {
            throw RequestRefused.invalidField("nhsNumber", invalid.problem().message());
        }
    }

    private void checkDateOfBirth(LocalDate dateOfBirth, LocalDate today) {
        if (dateOfBirth.isAfter(today)) {
            throw RequestRefused.invalidField("dateOfBirth", "cannot be in the future");
        }
        if (dateOfBirth.isBefore(today.minusYears(OLDEST_PLAUSIBLE_AGE))) {
            throw RequestRefused.invalidField("dateOfBirth", "is more than " + OLDEST_PLAUSIBLE_AGE + " years ago");
        }
    }

    private void checkLocality(String locality) {
        if (!settings.getLocalities().contains(locality)) {
            throw RequestRefused.invalidField("locality", "must be one of " + settings.getLocalities());
        }
    }
}
