package org.opendsr.risk.updates.adapters.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import org.opendsr.contracts.common.RagRating;
import org.opendsr.risk.updates.application.OverdueUpdate;
import org.opendsr.risk.updates.application.ReadingUpdates;
import org.opendsr.risk.updates.application.PersonUpdatesPage;
import org.opendsr.risk.updates.application.PostingUpdates;
import org.opendsr.risk.updates.domain.PostedUpdate;
import org.opendsr.risk.updates.domain.UpdateSchedule;

/** What the updates endpoints answer. People are named by personId only; the gateway adds who they are. */
public final class UpdateViews {

    private UpdateViews() {
    }

    @Serdeable
    @Schema(name = "PostedUpdateReceipt", description = "The update was posted; the next is due on nextDueOn")
    public record Receipt(UUID updateId, Instant postedAt, String postedBy, LocalDate nextDueOn) {

        static Receipt of(PostingUpdates.Posted posted) {
            return new Receipt(posted.update().updateId(), posted.update().postedAt(), posted.update().postedBy(),
                    posted.schedule().nextDueOn());
        }
    }

    @Serdeable
    @Schema(name = "PostedUpdate")
    public record Update(UUID updateId, String text, String postedBy, Instant postedAt) {

        static Update of(PostedUpdate update) {
            return new Update(update.updateId(), update.text().value(), update.postedBy(), update.postedAt());
        }

        @Override
        public String toString() {
            return "Update[updateId=" + updateId + ", text redacted]";
        }
    }

    @Serdeable
    @Schema(name = "UpdateSchedule", description = "When the next update is due under the person's rating")
    public record Schedule(RagRating rating,
                           @Schema(description = "ISO-8601 period, e.g. P14D for RED and AMBER, P1M for GREEN")
                           String cadence,
                           @Nullable @Schema(description = "A date in England; absent once the person has left the "
                                   + "register") LocalDate nextDueOn,
                           @Nullable @Schema(description = "The first day the update was overdue, until one is posted")
                           LocalDate overdueSince,
                           @Nullable LocalDate lastUpdateOn,
                           @Schema(description = "False once the person has left the register: nothing is due")
                           boolean running) {

        static @Nullable Schedule of(@Nullable UpdateSchedule schedule) {
            if (schedule == null) {
                return null;
            }
            return new Schedule(schedule.rating(), schedule.cadence().toString(), schedule.nextDueOn(),
                    schedule.overdueSince(), schedule.lastUpdateOn(), schedule.isRunning());
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "PersonUpdates", description = "A person's updates box: the schedule (null if never rated) and "
            + "their updates, newest first; next is the cursor of the following page (null on the last)")
    public record PersonUpdates(UUID personId, @Nullable Schedule schedule, List<Update> updates,
                                @Nullable String next) {

        static PersonUpdates of(PersonUpdatesPage page) {
            return new PersonUpdates(page.personId(), Schedule.of(page.schedule()),
                    page.updates().stream().map(Update::of).toList(), page.next());
        }
    }

    @Serdeable
    @Schema(name = "OverdueUpdateEntry")
    public record OverdueEntry(UUID personId, RagRating rating,
                               @Schema(description = "The day the update was due and was not posted") LocalDate nextDueOn,
                               @Schema(description = "Days since that day; 1 on the first overdue day") long daysOverdue,
                               @Nullable String area,
                               @Schema(description = "Subjects of the person's current responsible professional(s)")
                               List<String> responsibleProfessionals) {

        static OverdueEntry of(OverdueUpdate line, LocalDate today) {
            return new OverdueEntry(line.personId(), line.rating(), line.dueOn(),
                    java.time.temporal.ChronoUnit.DAYS.between(line.dueOn(), today), line.area(),
                    line.responsibleProfessionals());
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "OverdueUpdatesWorklist", description = "People whose update is overdue, oldest due first")
    public record OverdueWorklist(LocalDate today, List<OverdueEntry> entries, @Nullable String next) {

        static OverdueWorklist of(ReadingUpdates.OverdueUpdates overdue) {
            return new OverdueWorklist(overdue.today(), overdue.page().items().stream()
                    .map(line -> OverdueEntry.of(line, overdue.today())).toList(), overdue.page().next());
        }
    }
}
