package org.opendsr.risk.rating.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import java.util.UUID;

import org.opendsr.contracts.common.AgeBand;
import org.opendsr.contracts.common.LifeStage;
import org.opendsr.contracts.common.RagRating;
import org.opendsr.kit.rules.RuleBroken;
import org.opendsr.risk.shared.domain.InpatientSetting;
import org.opendsr.risk.shared.domain.RatingCause;

/**
 * A person as risk-service knows them, by personId only: whether they are on the register, child or adult (and the
 * month in which they turn 18, once announced), their age band at their latest referral and that referral's day, the
 * indicative rating of the referral in hand, their current rating and their admission status.
 * Every change of rating is returned as a {@link RatingDecision} for the history; nothing here lowers a rating by
 * itself ("support never reduces because a rating goes down", and no automatic downgrade ever).
 *
 * <p>Only people on the register are rated. An admission makes a person on the register BLUE at once; a discharge
 * makes them RED, and RED may not be lowered until {@link RatingRules#dischargeFloorDays} have passed.
 */
public final class PersonRating {

    private final UUID personId;
    private LifeStage lifeStage;
    private YearMonth turns18In;
    private AgeBand ageBand;
    private LocalDate ageBandKnownOn;
    private boolean onRegister;
    private UUID registerEntryId;
    private RagRating indicativeAtReferral;
    private CurrentRating current;
    private Admission admission;

    /** The current rating: what, since when, whether still indicative. */
    public record CurrentRating(UUID ratingId, RagRating rating, Instant since, LocalDate sinceOn, boolean indicative) {
    }

    public PersonRating(UUID personId, LifeStage lifeStage, AgeBand ageBand, boolean onRegister, UUID registerEntryId,
                        RagRating indicativeAtReferral, CurrentRating current, Admission admission) {
        this(personId, lifeStage, null, ageBand, null, onRegister, registerEntryId, indicativeAtReferral, current,
                admission);
    }

    /**
     * @param turns18In      the month in which they turn 18, once referral-service has announced it (null before, and
     *                       for someone referred as an adult)
     * @param ageBandKnownOn the day of the referral the age band is from; null for people known before it was kept
     */
    public PersonRating(UUID personId, LifeStage lifeStage, YearMonth turns18In, AgeBand ageBand,
                        LocalDate ageBandKnownOn, boolean onRegister, UUID registerEntryId,
                        RagRating indicativeAtReferral, CurrentRating current, Admission admission) {
        this.personId = personId;
        this.lifeStage = lifeStage;
        this.turns18In = turns18In;
        this.ageBand = ageBand;
        this.ageBandKnownOn = ageBandKnownOn;
        this.onRegister = onRegister;
        this.registerEntryId = registerEntryId;
        this.indicativeAtReferral = indicativeAtReferral;
        this.current = current;
        this.admission = admission == null ? Admission.NEVER : admission;
    }

    /** Someone referred, not (yet) on the register, on a day not known (an acceptance seen without its referral). */
    public static PersonRating referred(UUID personId, LifeStage lifeStage, AgeBand ageBand, RagRating indicative) {
        return referred(personId, lifeStage, ageBand, null, indicative);
    }

    /** Someone referred on a day, not (yet) on the register. */
    public static PersonRating referred(UUID personId, LifeStage lifeStage, AgeBand ageBand, LocalDate on,
                                        RagRating indicative) {
        return new PersonRating(personId, lifeStage, null, ageBand, on, false, null, indicative, null,
                Admission.NEVER);
    }

    /** A new referral of someone known, on a day not known: its indicative rating is the one acceptance starts with. */
    public void referredAgain(RagRating indicative) {
        if (indicative != null) {
            indicativeAtReferral = indicative;
        }
    }

    /**
     * A new referral of someone known: its indicative rating is the one a later acceptance starts with, and its life
     * stage and age band, true on its day, replace older ones (an adult stays an adult; an announced month of turning
     * 18 stands).
     */
    public void referredAgain(LifeStage stage, AgeBand band, LocalDate on, RagRating indicative) {
        referredAgain(indicative);
        if (stage == LifeStage.ADULT) {
            lifeStage = LifeStage.ADULT;
        }
        if (on != null && (ageBandKnownOn == null || !on.isBefore(ageBandKnownOn))) {
            ageBand = band;
            ageBandKnownOn = on;
        }
    }

    /**
     * Accepted onto the register. They start with the referrer's indicative rating, marked indicative until the DSR
     * team or a meeting confirms or changes it; an inpatient starts BLUE. Nothing changes for someone already on it.
     */
    public Optional<RatingDecision> accepted(UUID entryId, Instant at, LocalDate on) {
        if (onRegister) {
            return Optional.empty();
        }
        onRegister = true;
        registerEntryId = entryId;
        if (admission.inpatient()) {
            return Optional.of(record(RagRating.BLUE, RatingCause.ADMISSION, false, "risk-service", Decider.SYSTEM,
                    at, on, "On the register while an inpatient: BLUE", null, null, null, null));
        }
        if (indicativeAtReferral == null) {
            return Optional.empty();
        }
        return Optional.of(record(indicativeAtReferral, RatingCause.INDICATIVE_AT_ACCEPTANCE, true, "referrer",
                Decider.SYSTEM, at, on, "The referrer's indicative rating, until the DSR team or a meeting confirms "
                        + "or changes it", null, null, null, null));
    }

    /** A professional, the DSR team, a lead or a meeting decided a rating. */
    public RatingDecision decide(RatingProposal proposal, String decidedBy, Decider as, Instant at, LocalDate on,
                                 RatingRules rules) {
        requireOnRegister();
        RagRating rating = proposal.rating();
        boolean movesBlue = admission.inpatient() != (rating == RagRating.BLUE);
        if (movesBlue && !as.confirms()) {
            // An admission or discharge moves what the system must do (post-admission and inpatient reviews open or
            // close): agencies report them, and only the DSR team or a lead records one by hand.
            throw RuleBroken.forbidden("only the DSR team of the person's area or a lead records an admission or a "
                    + "discharge by rating (BLUE, or out of BLUE); agencies report them through their systems");
        }
        RatingCause cause = proposal.meetingId() != null ? RatingCause.AGREED_AT_MEETING : RatingCause.DECIDED;
        if (admission.inpatient() && rating != RagRating.BLUE) {
            if (rating != RagRating.RED) {
                throw RuleBroken.conflict("inpatient-leaves-as-red", "A discharged person is RED first", "rating",
                        "the person is an inpatient (BLUE): leaving hospital makes them RED for at least "
                                + rules.dischargeFloorDays() + " days, so the next rating can only be RED");
            }
            admission = admission.discharged(on, rules.dischargeFloorDays());
            cause = RatingCause.DISCHARGE;
        } else if (!admission.inpatient() && rating == RagRating.BLUE) {
            admission = admission.admitted(on);
            cause = RatingCause.ADMISSION;
        } else if (admission.holdsRedOn(on) && rating != RagRating.RED) {
            throw RuleBroken.conflict("discharge-floor", "RED for 14 days after discharge", "rating",
                    "discharged on " + admission.dischargedOn() + ": the rating stays RED and can be lowered from "
                            + admission.noLoweringBefore());
        }
        // Confirmed when the DSR team or a lead records it. A professional's rating stays indicative even when they
        // name a meeting: the meeting's own record (meeting-service) is what will confirm it, not the caller's word.
        boolean indicative = !as.confirms();
        return record(rating, cause, indicative, decidedBy, as, at, on, proposal.rationale(),
                proposal.discussedWithPersonAndFamily(), proposal.meetingId(), proposal.suggestion(),
                proposal.reasonForDifferingFromTool());
    }

    /**
     * An agency reported an admission: BLUE at once for someone on the register (system actor, reason recorded).
     * A repeated report of the same admission changes nothing.
     */
    public Optional<RatingDecision> admitted(LocalDate admittedOn, String reportedBy, Instant at) {
        if (admission.inpatient()) {
            return Optional.empty();
        }
        admission = admission.admitted(admittedOn);
        if (!onRegister) {
            return Optional.empty();
        }
        return Optional.of(record(RagRating.BLUE, RatingCause.ADMISSION, false, reportedBy, Decider.SYSTEM, at,
                admittedOn, "Admission to hospital reported by " + reportedBy, null, null, null, null));
    }

    /**
     * An agency reported a discharge: RED, not to be lowered for the floor's days. A repeated report of the same
     * discharge changes nothing.
     */
    public Optional<RatingDecision> discharged(LocalDate dischargedOn, String reportedBy, Instant at,
                                               RatingRules rules) {
        if (!admission.inpatient() && dischargedOn.equals(admission.dischargedOn())) {
            return Optional.empty();
        }
        admission = admission.discharged(dischargedOn, rules.dischargeFloorDays());
        if (!onRegister) {
            return Optional.empty();
        }
        return Optional.of(record(RagRating.RED, RatingCause.DISCHARGE, false, reportedBy, Decider.SYSTEM, at,
                dischargedOn, "Discharge from hospital reported by " + reportedBy + ": RED for at least "
                        + rules.dischargeFloorDays() + " days", null, null, null, null));
    }

    /** Where the inpatient is: it sets how often their inpatient C(E)TR falls due. */
    public void recordSetting(InpatientSetting setting) {
        if (setting == null) {
            throw RuleBroken.invalid("setting", "is required: MENTAL_HEALTH_HOSPITAL or SECURE");
        }
        if (!admission.inpatient()) {
            throw RuleBroken.conflict("not-an-inpatient", "Not an inpatient", "setting",
                    "an inpatient setting is recorded only while the person is an inpatient (BLUE)");
        }
        admission = admission.in(setting);
    }

    /** Left the register: the rating closes (it stays in the history). @return the rating closed, if any */
    public Optional<CurrentRating> removed() {
        Optional<CurrentRating> closed = Optional.ofNullable(current);
        onRegister = false;
        registerEntryId = null;
        indicativeAtReferral = null;
        current = null;
        return closed;
    }

    /**
     * The retired day-precise announcement: it was published on the 18th birthday, so they are an adult from the day
     * it is read.
     */
    public void turned18() {
        lifeStage = LifeStage.ADULT;
    }

    /**
     * referral-service announced (two months ahead) the month in which they turn 18; the first announcement stands.
     * Nothing changes today: {@link #lifeStageOn} makes them an adult from the first day of the month after it.
     */
    public void turning18In(YearMonth month) {
        if (turns18In == null) {
            turns18In = month;
        }
    }

    /**
     * Child or adult on a day (a rating's, a review's), never by the machine's today. risk-service knows the month of
     * the 18th birthday, not the day, so they count as a child up to the end of that month and as an adult from the
     * first day of the next: never an adult before they can be 18, so a 17-year-old never gets an adult's CTR or an
     * adult's less frequent inpatient reviews and oversight visits (DOMAIN.md: C(E)TR under 18, CTR for adults; child
     * 6-weekly visits and 3-monthly inpatient C(E)TRs, adult 8-weekly and 6-monthly). consent-service, for which the
     * safe side is the other one, treats them as an adult for consent from the first day of that month.
     */
    public LifeStage lifeStageOn(LocalDate day) {
        if (lifeStage == LifeStage.ADULT) {
            return LifeStage.ADULT;
        }
        return turns18In != null && !day.isBefore(adultFrom(turns18In)) ? LifeStage.ADULT : LifeStage.CHILD;
    }

    /** The first day on which someone turning 18 in {@code month} counts as an adult here: the 1st of the next month. */
    public static LocalDate adultFrom(YearMonth month) {
        return month.plusMonths(1).atDay(1);
    }

    private void requireOnRegister() {
        if (!onRegister) {
            throw RuleBroken.conflict("not-on-register", "Not on the register", "personId",
                    "only people on the register are rated");
        }
    }

    private RatingDecision record(RagRating rating, RatingCause cause, boolean indicative, String by, Decider as,
                                  Instant at, LocalDate on, String rationale, Boolean discussed, UUID meetingId,
                                  Suggestion suggestion, String differing) {
        RagRating previous = current == null ? null : current.rating();
        RatingDecision decision = new RatingDecision(UUID.randomUUID(), personId, rating, previous, cause, indicative,
                by, as, at, on, rationale, discussed, meetingId, suggestion, differing);
        current = new CurrentRating(decision.ratingId(), rating, at, on, indicative);
        return decision;
    }

    public UUID personId() {
        return personId;
    }

    /**
     * The life stage as referred (an adult once a referral or the retired turned-18 announcement said so); what holds
     * on a given day is {@link #lifeStageOn}.
     */
    public LifeStage lifeStage() {
        return lifeStage;
    }

    public AgeBand ageBand() {
        return ageBand;
    }

    /** The day of the referral the age band is from, or null when not known. */
    public LocalDate ageBandKnownOn() {
        return ageBandKnownOn;
    }

    /** The month in which they turn 18, once announced, or null. */
    public YearMonth turns18In() {
        return turns18In;
    }

    /** Whether the keyworker service (up to the 25th birthday) applies, by the age band known at referral alone. */
    public boolean under25() {
        return ageBand.isUnder25();
    }

    /**
     * Whether they may still be under 25 on a day (a rating's): the keyworker service takes people up to their 25th
     * birthday. The band at referral ages: someone in it was at least its youngest age on the referral's day, so they
     * are 25 at the latest that many years later (18-24 referred on 1 March 2020: 25 by 1 March 2027 at the latest).
     * Once the month they turn 18 is known, they are 25 by the end of the month seven years later. Until then they
     * count as possibly under 25: a keyworker referral the keyworker service turns down costs less than one missed.
     * Someone known before the referral's day was kept is judged by the band alone, as before.
     */
    public boolean under25On(LocalDate day) {
        if (!ageBand.isUnder25()) {
            return false;
        }
        if (turns18In != null && !day.isBefore(turns18In.plusYears(7).plusMonths(1).atDay(1))) {
            return false;
        }
        return ageBandKnownOn == null || day.isBefore(ageBandKnownOn.plusYears(25L - ageBand.fromYears()));
    }

    public boolean onRegister() {
        return onRegister;
    }

    public UUID registerEntryId() {
        return registerEntryId;
    }

    public RagRating indicativeAtReferral() {
        return indicativeAtReferral;
    }

    public Optional<CurrentRating> current() {
        return Optional.ofNullable(current);
    }

    public Admission admission() {
        return admission;
    }
}
