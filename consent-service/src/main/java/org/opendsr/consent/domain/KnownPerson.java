package org.opendsr.consent.domain;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.opendsr.contracts.common.AgeBand;
import org.opendsr.contracts.common.LifeStage;
import org.opendsr.contracts.referral.RemovalReason;

/**
 * A person as consent-service knows them, from referral-service's events only: an id, whether they are a child,
 * their age band when last referred and whether they were under 16 then, the months in which they turned 16 and turn 18
 * (never the day), whether they are on the register,
 * which of their referrals are still open, and whether they have left the register. Never a name, NHS number,
 * date of birth or address.
 *
 * <p>The DSR team follows a person's consent (reminders, worklists) while they are on the register or have a
 * referral awaiting an outcome: a referral needs active consent to be accepted. Once their last open referral is
 * declined or withdrawn and they are not on the register, nobody chases their consent, until a new referral.
 *
 * @param ageBandKnownOn      the day the age band was true (the day of the latest referral)
 * @param under16             whether they were under 16 on that day, as the referral said; null when it did not (a
 *                            referral published before it was added), when a band that straddles 16 says nothing
 * @param turned16In          the month in which they turned 16, once referral-service has announced it (after the
 *                            month ended)
 * @param turns18In           the month in which they turn 18, once referral-service has announced it
 * @param onRegister          a referral of theirs was accepted and they have not been removed since
 * @param openReferrals       their referrals received and not yet accepted, declined or withdrawn
 * @param leftRegisterOn      the day they were removed from the register, until they are referred again
 * @param leftRegisterBecause why they were removed, while they are off the register
 */
public record KnownPerson(UUID personId, LifeStage lifeStage, AgeBand ageBand, LocalDate ageBandKnownOn,
                          Boolean under16, YearMonth turned16In, YearMonth turns18In, boolean onRegister,
                          Set<UUID> openReferrals, LocalDate leftRegisterOn, RemovalReason leftRegisterBecause) {

    /** Someone referred for the first time, by a referral that did not say whether they were under 16. */
    public static KnownPerson referred(UUID personId, UUID referralId, LifeStage lifeStage, AgeBand ageBand,
                                       LocalDate on) {
        return referred(personId, referralId, lifeStage, ageBand, null, on);
    }

    /** Someone referred for the first time; {@code under16} null when the referral did not say. */
    public static KnownPerson referred(UUID personId, UUID referralId, LifeStage lifeStage, AgeBand ageBand,
                                       Boolean under16, LocalDate on) {
        return new KnownPerson(personId, lifeStage, ageBand, on, under16, null, null, false, Set.of(referralId), null,
                null);
    }

    public KnownPerson {
        Objects.requireNonNull(personId, "personId");
        Objects.requireNonNull(lifeStage, "lifeStage");
        Objects.requireNonNull(ageBand, "ageBand");
        Objects.requireNonNull(ageBandKnownOn, "ageBandKnownOn");
        openReferrals = Set.copyOf(openReferrals);
    }

    /**
     * Whether they count as a child for consent on a day (up to today): before the first day of the month in which they
     * turn 18, once that is known. consent-service knows the month only, never the birthday, so from the first of that
     * month consent is theirs as an adult (or under the Mental Capacity Act): a consent given for them as a child before
     * then must be renewed by the end of the month.
     */
    public boolean isChildOn(LocalDate day) {
        if (turns18In != null) {
            return day.isBefore(turns18In.atDay(1));
        }
        return lifeStage == LifeStage.CHILD;
    }

    /**
     * Whether they were certainly 16 or over on a day: the Mental Capacity Act 2005 applies from 16, so only then can a
     * best-interests decision or a deputy consent for them. consent-service never knows the birthday, so this is what
     * it can be sure of, and anything it cannot be sure of counts as under 16:
     * <ul>
     *   <li>an adult (or from the month in which they turn 18) is;</li>
     *   <li>someone announced as having turned 16 in a month is from the first day of the next month;</li>
     *   <li>someone at least Y years old when referred (the band's youngest age, or 16 when the referral said they were
     *       not under 16) is from 16 - Y years after the referral. A band that straddles 16 (14-17) from a referral that
     *       did not say counts from 14: a 15-year-old must never get a best-interests consent by default.</li>
     * </ul>
     */
    public boolean certainly16On(LocalDate day) {
        if (!isChildOn(day)) {
            return true;
        }
        if (turned16In != null && !day.isBefore(turned16In.plusMonths(1).atDay(1))) {
            return true;
        }
        int youngestWhenReferred = Boolean.FALSE.equals(under16) ? Math.max(16, ageBand.fromYears())
                : ageBand.fromYears();
        return !day.isBefore(ageBandKnownOn.plusYears(Math.max(0, 16 - youngestWhenReferred)));
    }

    /** Removed from the register and not referred again since. */
    public boolean hasLeftTheRegister() {
        return leftRegisterOn != null;
    }

    /**
     * Whether their consent is followed up: renewal reminders, and a place on the DSR team's worklists. Only while
     * they are on the register or a referral of theirs awaits an outcome; a declined duplicate referral of someone
     * already on the register changes nothing.
     */
    public boolean isFollowed() {
        return onRegister || !openReferrals.isEmpty();
    }

    /** A new referral that did not say whether they were under 16. */
    public KnownPerson referredAgain(UUID referralId, LifeStage stage, AgeBand band, LocalDate on) {
        return referredAgain(referralId, stage, band, null, on);
    }

    /**
     * A new referral: the person is known again with a current age band (and whether they were under 16, when it
     * said), and is no longer off the register. Announced birthdays stand.
     */
    public KnownPerson referredAgain(UUID referralId, LifeStage stage, AgeBand band, Boolean under16Now, LocalDate on) {
        LifeStage current = turns18In != null ? LifeStage.ADULT : stage;
        return new KnownPerson(personId, current, band, on, under16Now, turned16In, turns18In, onRegister,
                plus(openReferrals, referralId), null, null);
    }

    /** A referral of theirs was accepted: they are on the register. */
    public KnownPerson referralAccepted(UUID referralId) {
        return new KnownPerson(personId, lifeStage, ageBand, ageBandKnownOn, under16, turned16In, turns18In, true,
                minus(openReferrals, referralId), null, null);
    }

    /** A referral of theirs was declined or withdrawn: whether they are on the register is unchanged. */
    public KnownPerson referralClosed(UUID referralId) {
        return new KnownPerson(personId, lifeStage, ageBand, ageBandKnownOn, under16, turned16In, turns18In,
                onRegister, minus(openReferrals, referralId), leftRegisterOn, leftRegisterBecause);
    }

    /**
     * referral-service announced the month in which they turned 16 (once it had ended); the first announcement
     * stands.
     */
    public KnownPerson turned16(YearMonth month) {
        return new KnownPerson(personId, lifeStage, ageBand, ageBandKnownOn, under16,
                turned16In != null ? turned16In : month, turns18In, onRegister, openReferrals, leftRegisterOn,
                leftRegisterBecause);
    }

    /** referral-service announced the month in which they turn 18; the first announcement stands. */
    public KnownPerson turning18In(YearMonth month) {
        return new KnownPerson(personId, LifeStage.ADULT, ageBand, ageBandKnownOn, under16, turned16In,
                turns18In != null ? turns18In : month, onRegister, openReferrals, leftRegisterOn, leftRegisterBecause);
    }

    public KnownPerson leftTheRegister(LocalDate on, RemovalReason because) {
        return new KnownPerson(personId, lifeStage, ageBand, ageBandKnownOn, under16, turned16In, turns18In, false,
                openReferrals, on, because);
    }

    private static Set<UUID> plus(Set<UUID> referrals, UUID referralId) {
        Set<UUID> more = new HashSet<>(referrals);
        more.add(referralId);
        return more;
    }

    private static Set<UUID> minus(Set<UUID> referrals, UUID referralId) {
        Set<UUID> fewer = new HashSet<>(referrals);
        fewer.remove(referralId);
        return fewer;
    }
}
