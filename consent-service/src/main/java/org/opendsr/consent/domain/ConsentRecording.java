package org.opendsr.consent.domain;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.opendsr.contracts.consent.ConsentBasis;
import org.opendsr.kit.rules.RuleBroken;

/**
 * The rules for recording consent, and renewing it: what each basis needs, who may give it, for whom, and when.
 * A request that breaks one is refused with {@link RuleBroken}, naming the field.
 */
public final class ConsentRecording {

    public static final int FORM_KEPT_AT_MAX_LENGTH = 200;
    public static final int DECISION_MAKER_ROLE_MAX_LENGTH = 100;
    public static final int EXPLAINED_WITH_DETAIL_MAX_LENGTH = 100;
    public static final int WITHDRAWAL_NOTE_MAX_LENGTH = 500;
    /** A consent given longer ago than this lapsed long since: the date is almost certainly mistyped. */
    public static final int OLDEST_GIVEN_ON_YEARS = 2;

    private final ConsentRenewalPolicy policy;

    public ConsentRecording(ConsentRenewalPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /** The new consent, its recording, and the consent it renewed (now closed), if any. */
    public record Recorded(Consent consent, ConsentChange.Recorded change, Optional<Consent> renewed) {
    }

    /**
     * Records a consent, or a renewal when {@code given.renewalOf()} names one.
     *
     * @param person   the person, known from referral events
     * @param open     the person's open consent, if they have one
     * @param renewing the consent {@code given.renewalOf()} names, found by the caller; empty when it names none
     * @param today    today in England
     */
    public Recorded record(UUID consentId, KnownPerson person, ConsentGiven given, Optional<Consent> open,
                           Optional<Consent> renewing, LocalDate today) {
        checkDates(given, today);
        checkWhoGaveIt(given);
        checkTheBasisSuitsThePerson(given, person, today);
        checkFreeText(given);
        checkRenewal(given, person, open, renewing);

        Consent consent = Consent.start(consentId, person, given, today, policy);
        if (renewing.isPresent() && !consent.state().isActiveConsent()) {
            throw ConsentConflict.of("renewal-not-active", "givenOn",
                    "A renewal must leave the person with active consent; consent given on " + given.givenOn()
                            + " was due for renewal on " + consent.renewalDue().on());
        }
        renewing.ifPresent(renewed -> renewed.renewedBy(consentId, today));
        return new Recorded(consent, consent.recorded(), renewing);
    }

    private static void checkDates(ConsentGiven given, LocalDate today) {
        if (given.givenOn().isAfter(today)) {
            throw RuleBroken.invalid("givenOn", "cannot be in the future");
        }
        if (given.givenOn().isBefore(today.minusYears(OLDEST_GIVEN_ON_YEARS))) {
            throw RuleBroken.invalid("givenOn", "is more than " + OLDEST_GIVEN_ON_YEARS
                    + " years ago; a consent that old has lapsed: record the person's current consent");
        }
        BestInterestsDecision bestInterests = given.bestInterests();
        if (bestInterests != null && bestInterests.capacityAssessedOn().isAfter(given.givenOn())) {
            throw RuleBroken.invalid("bestInterests.capacityAssessedOn",
                    "must be on or before givenOn: a best-interests decision follows the capacity assessment");
        }
    }

    private static void checkWhoGaveIt(ConsentGiven given) {
        if (!given.givenBy().mayGive(given.basis())) {
            throw RuleBroken.invalid("givenBy", "must be one of " + ConsentGiver.allowedFor(given.basis())
                    + " for basis " + given.basis());
        }
        boolean bestInterestsDecision = given.basis() == ConsentBasis.BEST_INTERESTS_DECISION;
        if (bestInterestsDecision && given.bestInterests() == null) {
            throw RuleBroken.invalid("bestInterests",
                    "is required for a best-interests decision: the capacity assessment date and the decision maker's role");
        }
        if (!bestInterestsDecision && given.bestInterests() != null) {
            throw RuleBroken.invalid("bestInterests", "applies only to basis BEST_INTERESTS_DECISION");
        }
        boolean otherFormat = given.explainedWith() == ExplanationFormat.OTHER;
        if (otherFormat && given.explainedWithDetail() == null) {
            throw RuleBroken.invalid("explainedWithDetail", "is required when explainedWith is OTHER: say which format, in a few words");
        }
        if (!otherFormat && given.explainedWithDetail() != null) {
            throw RuleBroken.invalid("explainedWithDetail", "applies only when explainedWith is OTHER");
        }
    }

    private static void checkTheBasisSuitsThePerson(ConsentGiven given, KnownPerson person, LocalDate today) {
        // Parental responsibility ends at 18 (Children Act 1989).
        if (given.basis() == ConsentBasis.PARENTAL_RESPONSIBILITY && !person.isChildOn(today)) {
            throw ConsentConflict.of("parental-responsibility-for-an-adult", "basis",
                    "Parental responsibility applies only while the person is a child, and this person is an adult: "
                            + "record their own consent, a best-interests decision or a deputy's or attorney's consent");
        }
        // A lasting power of attorney can only be made by an adult: for a child, the more precise refusal.
        if (given.givenBy() == ConsentGiver.HEALTH_AND_WELFARE_ATTORNEY && person.isChildOn(given.givenOn())) {
            throw ConsentConflict.of("attorney-for-a-child", "givenBy",
                    "Only an adult can make a lasting power of attorney, and this person was a child on " + given.givenOn());
        }
        // The Mental Capacity Act 2005 applies from 16.
        boolean underTheMentalCapacityAct = given.basis() == ConsentBasis.BEST_INTERESTS_DECISION
                || given.basis() == ConsentBasis.WELFARE_DEPUTY_OR_ATTORNEY;
        // Only when they are known to have been 16 on the day: not knowing counts as under 16 (a 14-17 band alone).
        if (underTheMentalCapacityAct && !person.certainly16On(given.givenOn())) {
            throw ConsentConflict.of("mental-capacity-act-under-16", "basis",
                    "The Mental Capacity Act 2005 applies from 16 and this person is not known to have been 16 on "
                            + given.givenOn() + ": record consent by parental responsibility, or the child's own "
                            + "consent (the DSR learns of a 16th birthday on the first day of the next month)");
        }
    }

    private static void checkFreeText(ConsentGiven given) {
        FreeText.problemWith(given.formKeptAt(), FORM_KEPT_AT_MAX_LENGTH).ifPresent(problem -> {
            throw RuleBroken.invalid("formKeptAt", problem);
        });
        if (given.bestInterests() != null) {
            FreeText.problemWith(given.bestInterests().decisionMakerRole(), DECISION_MAKER_ROLE_MAX_LENGTH)
                    .ifPresent(problem -> {
                        throw RuleBroken.invalid("bestInterests.decisionMakerRole", problem);
                    });
        }
        if (given.explainedWithDetail() != null) {
            FreeText.problemWith(given.explainedWithDetail(), EXPLAINED_WITH_DETAIL_MAX_LENGTH).ifPresent(problem -> {
                throw RuleBroken.invalid("explainedWithDetail", problem);
            });
        }
    }

    private static void checkRenewal(ConsentGiven given, KnownPerson person, Optional<Consent> open,
                                     Optional<Consent> renewing) {
        if (given.renewalOf() == null) {
            open.ifPresent(current -> {
                throw ConsentConflict.of("consent-already-open", "renewalOf",
                        "The person already has consent " + current.id() + " (" + current.state()
                                + "); to renew it, send renewalOf with its consentId");
            });
            return;
        }
        Consent renewed = renewing.orElseThrow(() -> new IllegalArgumentException("the caller finds the consent renewed"));
        if (!renewed.personId().equals(person.personId())) {
            throw RuleBroken.invalid("renewalOf", "is a consent of another person");
        }
        if (!renewed.state().isOpen()) {
            throw ConsentConflict.of("consent-not-renewable", "renewalOf",
                    "Consent " + renewed.id() + " is " + renewed.state() + " and cannot be renewed"
                            + (renewed.state() == ConsentState.RENEWED ? ": renew the consent that renewed it"
                            : ": record a new consent without renewalOf; the person needs a new referral to be on the register again"));
        }
        if (given.givenOn().isBefore(renewed.given().givenOn())) {
            throw RuleBroken.invalid("givenOn", "cannot be before the consent it renews was given ("
                    + renewed.given().givenOn() + ")");
        }
    }
}
