package org.opendsr.referral.register.adapters.scheduling;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.opendsr.kit.observability.SafeThrowables;
import org.opendsr.referral.register.application.NoticingEighteenthBirthdays;
import org.opendsr.referral.register.application.NoticingSixteenthBirthdays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Looks daily, at 00:30 in England unless configured otherwise, for people known to the DSR turning 18 soon and people
 * who turned 16 last month: on the first of a month it announces all who turn 18 two months on and all who turned 16
 * last month; other days catch up what a missed run, a new referral or a completed one left.
 */
@Singleton
public class EighteenthBirthdaySchedule {

    private static final Logger LOG = LoggerFactory.getLogger(EighteenthBirthdaySchedule.class);

    private final NoticingEighteenthBirthdays noticing;
    private final NoticingSixteenthBirthdays sixteenth;

    public EighteenthBirthdaySchedule(NoticingEighteenthBirthdays noticing, NoticingSixteenthBirthdays sixteenth) {
        this.noticing = noticing;
        this.sixteenth = sixteenth;
    }

    @Scheduled(cron = "${dsr.referral.age-milestones.cron:0 30 0 * * *}", zoneId = "Europe/London")
    void daily() {
        try {
            NoticingEighteenthBirthdays.Run run = noticing.run();
            if (run.ranHere()) {
                LOG.info("Age milestones for {}: {} person(s) announced as turning 18", run.checkedOn(),
                        run.turning18());
            } else {
                LOG.info("Age milestones for {}: another replica is on it", run.checkedOn());
            }
        } catch (RuntimeException e) {
            // Tomorrow's run catches up whatever today's missed.
            LOG.error("Age milestones failed; the next run catches up", SafeThrowables.redacted(e));
        }
        try {
            NoticingSixteenthBirthdays.Run run = sixteenth.run();
            if (run.ranHere()) {
                LOG.info("Age milestones for {}: {} person(s) announced as having turned 16", run.checkedOn(),
                        run.turned16());
            }
        } catch (RuntimeException e) {
            LOG.error("Sixteenth birthdays failed; the next run catches up", SafeThrowables.redacted(e));
        }
    }
}
