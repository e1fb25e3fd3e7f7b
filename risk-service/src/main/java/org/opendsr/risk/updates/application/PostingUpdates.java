package org.opendsr.risk.updates.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.opendsr.contracts.EventTypes;
import org.opendsr.contracts.common.LifeStage;
import org.opendsr.contracts.risk.UpdatePosted;
import org.opendsr.kit.access.Caller;
import org.opendsr.kit.ports.EventOutbox;
import org.opendsr.kit.rules.RuleBroken;
import org.opendsr.kit.time.DsrClock;
import org.opendsr.risk.shared.application.CurrentRating;
import org.opendsr.risk.shared.application.CurrentRatings;
import org.opendsr.risk.shared.application.PersonFacts;
import org.opendsr.risk.shared.application.RiskAccess;
import org.opendsr.risk.updates.domain.PostedUpdate;
import org.opendsr.risk.updates.domain.UpdateCadence;
import org.opendsr.risk.updates.domain.UpdateSchedule;
import org.opendsr.risk.updates.domain.UpdateText;

/**
 * Posts an update in a person's updates box: saves it, moves the next due date a cadence on and clears any overdue,
 * publishes {@code dsr.risk.update-posted.v1} (that an update was posted and when the next is due, never what it
 * says) and audits it (the text as the new value: the audit store is risk-service's own), in one transaction.
 *
 * <p>Only for someone on the register with a rating (409 {@code not-on-register} otherwise), and only by those who
 * may change the person's records: their care team, the DSR team of their area, a lead (404 for anyone else, 403
 * for a break-glass reader).
 */
@Singleton
public class PostingUpdates {

    static final String WHAT = "updates box";
    static final String ACTION = "UPDATE_POSTED";

    private final RiskAccess access;
    private final CurrentRatings ratings;
    private final UpdateSchedules schedules;
    private final PostedUpdates updates;
    private final PersonAreas areas;
    private final UpdateCadence cadence;
    private final EventOutbox outbox;
    private final Clock clock;

    public PostingUpdates(RiskAccess access, CurrentRatings ratings, UpdateSchedules schedules, PostedUpdates updates,
                          PersonAreas areas, UpdateCadence cadence, EventOutbox outbox, Clock clock) {
        this.access = access;
        this.ratings = ratings;
        this.schedules = schedules;
        this.updates = updates;
        this.areas = areas;
        this.cadence = cadence;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** The update as posted and the schedule after it. */
    public record Posted(PostedUpdate update, UpdateSchedule schedule) {
    }

    // Every refusal comes before anything is written; RiskAccess audits refusals in a transaction of their own.
    @Transactional
    public Posted post(UUID personId, String text, Caller caller) {
        access.change(personId, caller, WHAT);
        UpdateText updateText = UpdateText.of(text);
        // The person's lock first (the order every rating change, admission, discharge and removal takes), then what
        // it guards is read: a removal that committed while this waited is seen, and none can start before this
        // commits, so an update posted late never puts someone who left the register back on the overdue list.
        if (!ratings.lock(personId)) {
            throw notOnRegister();
        }
        CurrentRating current = ratings.of(personId).orElseThrow(PostingUpdates::notOnRegister);

        Instant at = clock.instant();
        LocalDate on = LocalDate.ofInstant(at, DsrClock.ENGLAND);
        LifeStage lifeStage = ratings.factsOf(personId, on).map(PersonFacts::lifeStage).orElse(null);
        // The cadence now: the person's area may have changed since they were rated.
        Period now = cadence.of(current.rating(), lifeStage, areas.areaOf(personId).orElse(null));
        UpdateSchedule before = schedules.findForUpdate(personId)
                // Rated before this feature followed ratings: the schedule starts from the current rating.
                .orElseGet(() -> UpdateSchedule.startedBy(personId, current.rating(), now, current.sinceOn()));
        if (!before.isRunning()) {
            // Stopped when the person left the register: only a new rating starts it again, never an update.
            throw notOnRegister();
        }

        PostedUpdate update = new PostedUpdate(UUID.randomUUID(), personId, updateText, caller.userId(), at);
        updates.add(update);
        UpdateSchedule after = before.updatePosted(at, on, now);
        schedules.save(after);
        outbox.append(SweepingOverdueUpdates.AGGREGATE, personId, EventTypes.RISK_UPDATE_POSTED_V1,
                new UpdatePosted(personId, update.updateId(), at, after.nextDueOn()));
        access.audited(caller, personId, ACTION, WHAT, scheduleValues(before), postedValues(update, after));
        return new Posted(update, after);
    }

    private static RuleBroken notOnRegister() {
        return RuleBroken.conflict("not-on-register", "Not on the register",
                "updates can be posted only for someone on the register with a rating");
    }

    private static Map<String, Object> scheduleValues(UpdateSchedule schedule) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("nextDueOn", String.valueOf(schedule.nextDueOn()));
        if (schedule.overdueSince() != null) {
            values.put("overdueSince", schedule.overdueSince().toString());
        }
        return values;
    }

    private static Map<String, Object> postedValues(PostedUpdate update, UpdateSchedule after) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("updateId", update.updateId().toString());
        values.put("text", update.text().value());
        values.put("postedAt", update.postedAt().toString());
        values.put("nextDueOn", after.nextDueOn().toString());
        return values;
    }
}
