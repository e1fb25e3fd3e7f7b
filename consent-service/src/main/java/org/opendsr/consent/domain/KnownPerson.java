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
 * their age band when last referred, the month in which they turn 18 (never the day), whether they are on the register,
 * which of their referrals are still open, and whether they have left the register. Never a name, NHS number,
 * date of birth or address.
 *
 * <p>The DSR team follows a person's consent (reminders, worklists) while they are on the register or have a
 * referral awaiting an outcome: a referral needs active consent to be accepted. Once their last open referral is
 * declined or withdrawn and they are not on the register, nobody chases their consent, until a new referral.
 *
 * @param ageBandKnownOn      the day the age band was true (the day of the latest referral)
 * @param turns18In           the month in which they turn 18, once referral-service has announced it
 * @param onRegister          a referral of theirs was accepted and they have not been removed since
 * @param openReferrals       their referrals received and not yet accepted, declined or withdrawn
 * @param leftRegisterOn      the day they were removed from the register, until they are referred again
 * @param leftRegisterBecause why they were removed, while they are off the register
 */
public record KnownPerson(UUID personId, LifeStage lifeStage, AgeBand ageBand, LocalDate ageBandKnownOn,
                          YearMonth turns18In, boolean onRegister, Set<UUID> openReferrals,
                          LocalDate leftRegisterOn, RemovalReason leftRegisterBecause) {

    /** Someone referred for the first time. */
    public static KnownPerson referred(UUID personId, UUID referralId, LifeStage lifeStage, AgeBand ageBand,
                                       LocalDate on) {
        return new KnownPerson(personId, lifeStage, ageBand, on, null, false, Set.of(referralId), null, null);
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
     * Whether they were certainly under 16 on a day, from the age band of their latest referral: the Mental
     * Capacity Act 2005 applies from 16, so neither a best-interests decision nor a deputy can consent for them.
     * Someone at most A years old when referred is still under 16 for another 15 - A years.
     */
    public boolean certainlyUnder16On(LocalDate day) {
        if (!isChildOn(day)) {
            return false;
        }
        int oldestInBand = switch (ageBand) {
            case AGE_0_TO_9 -> 9;
            case AGE_10_TO_13 -> 13;
            default -> -1;
        };
        return oldestInBand >= 0 && !day.isAfter(ageBandKnownOn.plusYears(15 - oldestInBand));
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

    /** A new referral: the person is known again with a current age band, and is no longer off the register. */
    public KnownPerson referredAgain(UUID referralId, LifeStage stage, AgeBand band, LocalDate on) {
        LifeStage current = turns18In != null ? LifeStage.ADULT : stage;
        return new KnownPerson(personId, current, band, on, turns18In, onRegister, plus(openReferrals, referralId),
                null, null);
    }

    /** A referral of theirs was accepted: they are on the register. */
    public KnownPerson referralAccepted(UUID referralId) {
        return new KnownPerson(personId, lifeStage, ageBand, ageBandKnownOn, turns18In, true,
                minus(openReferrals, referralId), null, null);
    }

    /** A referral of theirs was declined or withdrawn: whether they are on the register is unchanged. */
    public KnownPerson referralClosed(UUID referralId) {
        return new KnownPerson(personId, lifeStage, ageBand, ageBandKnownOn, turns18In, onRegister,
                minus(openReferrals, referralId), leftRegisterOn, leftRegisterBecause);
    }

    /** referral-service announced the month in which they turn 18; the first announcement stands. */
    public KnownPerson turning18In(YearMonth month) {
        return new KnownPerson(personId, LifeStage.ADULT, ageBand, ageBandKnownOn, turns18In != null ? turns18In : month,
                onRegister, openReferrals, leftRegisterOn, leftRegisterBecause);
    }

    public KnownPerson leftTheRegister(LocalDate on, RemovalReason because) {
        return new KnownPerson(personId, lifeStage, ageBand, ageBandKnownOn, turns18In, false, openReferrals, on,
                because);
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
