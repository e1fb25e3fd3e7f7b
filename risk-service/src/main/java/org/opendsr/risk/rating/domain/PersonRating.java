package org.opendsr.risk.rating.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import org.opendsr.contracts.common.AgeBand;
import org.opendsr.contracts.common.LifeStage;
import org.opendsr.contracts.common.RagRating;
import org.opendsr.kit.rules.RuleBroken;
import org.opendsr.risk.shared.domain.InpatientSetting;
import org.opendsr.risk.shared.domain.RatingCause;

/**
 * A person as risk-service knows them, by personId only: whether they are on the register, child or adult, their age
 * band at referral, the indicative rating of the referral in hand, their current rating and their admission status.
 * Every change of rating is returned as a {@link RatingDecision} for the history; nothing here lowers a rating by
 * itself ("support never reduces because a rating goes down", and no automatic downgrade ever).
 *
 * <p>Only people on the register are rated. An admission makes a person on the register BLUE at once; a discharge
 * makes them RED, and RED may not be lowered until {@link RatingRules#dischargeFloorDays} have passed.
 */
public final class PersonRating {

    private final UUID personId;
    private LifeStage lifeStage;
    private final AgeBand ageBand;
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
        this.personId = personId;
        this.lifeStage = lifeStage;
        this.ageBand = ageBand;
        this.onRegister = onRegister;
        this.registerEntryId = registerEntryId;
        this.indicativeAtReferral = indicativeAtReferral;
        this.current = current;
        this.admission = admission == null ? Admission.NEVER : admission;
    }

    /** Someone referred, not (yet) on the register. */
    public static PersonRating referred(UUID personId, LifeStage lifeStage, AgeBand ageBand, RagRating indicative) {
        return new PersonRating(personId, lifeStage, ageBand, false, null, indicative, null, Admission.NEVER);
    }

    /** A new referral of someone known: its indicative rating is the one a later acceptance starts with. */
    public void referredAgain(RagRating indicative) {
        if (indicative != null) {
            indicativeAtReferral = indicative;
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

    public void turned18() {
        lifeStage = LifeStage.ADULT;
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

    public LifeStage lifeStage() {
        return lifeStage;
    }

    public AgeBand ageBand() {
        return ageBand;
    }

    /** Whether the keyworker service (up to the 25th birthday) applies, by the age band known at referral. */
    public boolean under25() {
        return ageBand.isUnder25();
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
