package org.opendsr.meeting.outcomes.application;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.opendsr.kit.lifecycle.MergedPeople;
import org.opendsr.kit.lifecycle.ProcessingRestrictions;
import org.opendsr.kit.access.Caller;
import org.opendsr.kit.access.PersonScope;
import org.opendsr.kit.rules.RuleBroken;
import org.opendsr.kit.time.DsrClock;
import org.opendsr.meeting.outcomes.domain.AgreedAction;
import org.opendsr.meeting.outcomes.domain.MeetingOutcome;
import org.opendsr.meeting.outcomes.domain.RecommendationCatalogue;
import org.opendsr.meeting.outcomes.domain.RecordedOutcome;
import org.opendsr.meeting.outcomes.domain.ServiceRecommendation;
import org.opendsr.meeting.shared.application.MeetingAccess;
import org.opendsr.meeting.shared.application.Meetings;
import org.opendsr.kit.paging.WorklistPage;
import org.opendsr.meeting.shared.domain.Meeting;

/**
 * Reading outcomes and the worklists that follow them. A meeting's outcomes: the DSR team of its area and leads see
 * all; anyone else only those about people they may see ({@link MeetingAccess#scopeOf}, filtered in SQL), and 404 when
 * that is none. A person's outcomes: their care team (a break-glass reader included), the DSR team of their area and
 * leads; 404 for anyone else. Worklists show the people in the caller's scope. Every read is audited.
 */
@Singleton
public class ReadingOutcomes {

    private final Meetings meetings;
    private final MeetingOutcomes outcomes;
    private final RecommendationCatalogue catalogue;
    private final MeetingAccess access;
    private final Clock clock;

    private final MergedPeople mergedPeople;
    private final ProcessingRestrictions restrictions;

    public ReadingOutcomes(Meetings meetings, MeetingOutcomes outcomes, RecommendationCatalogue catalogue,
                           MeetingAccess access, Clock clock, MergedPeople mergedPeople,
                           ProcessingRestrictions restrictions) {
        this.mergedPeople = mergedPeople;
        this.restrictions = restrictions;
        this.meetings = meetings;
        this.outcomes = outcomes;
        this.catalogue = catalogue;
        this.access = access;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<RecordedOutcome> ofMeeting(UUID meetingId, Caller caller) {
        Meeting meeting = meetings.find(meetingId).orElse(null);
        if (meeting == null) {
            access.listRead(caller, "meeting outcomes (meeting not found)");
            throw RuleBroken.notFound("Meeting");
        }
        boolean areaTeam = MeetingAccess.worksIn(caller, meeting.area());
        PersonScope scope = areaTeam ? null : access.scopeOf(caller);
        List<RecordedOutcome> seen = scope != null && scope.seesNoOne() ? List.of()
                : outcomes.ofMeeting(meetingId, scope);
        if (seen.isEmpty() && !areaTeam) {
            // Someone with no one to see at this meeting learns nothing of it, not even that it exists.
            access.requireAreaTeam(meeting.area(), caller, "meeting outcomes");
        }
        access.listRead(caller, "meeting outcomes of meeting " + meetingId);
        return seen;
    }

    /**
     * Every outcome about a person, and whether processing of their data is restricted (UK GDPR Article 18). A
     * duplicate's personId, merged since, reads the survivor's.
     */
    @Transactional(readOnly = true)
    public PersonOutcomes ofPerson(UUID asked, Caller caller) {
        UUID personId = mergedPeople.survivorOf(asked);
        access.read(personId, caller, RecordingOutcomes.WHAT);
        return new PersonOutcomes(personId, outcomes.ofPerson(personId), restrictions.isRestricted(personId));
    }

    public record PersonOutcomes(UUID personId, List<RecordedOutcome> outcomes, boolean processingRestricted) {
    }

    @Transactional(readOnly = true)
    public WorklistPage<AgreedAction> overdueActions(@Nullable String area, @Nullable String owner,
                                                     @Nullable Integer limit, @Nullable String after,
                                                     Caller caller) {
        int size = WorklistPage.limit(limit);
        WorklistPage.After from = WorklistPage.After.of(after);
        access.listRead(caller, "overdue actions worklist" + filters("area", area, "owner", owner));
        PersonScope scope = access.scopeOf(caller);
        if (scope.seesNoOne()) {
            return new WorklistPage<>(List.of(), null);
        }
        return WorklistPage.of(outcomes.overdueActions(blankToNull(area), blankToNull(owner), today(), scope, from,
                size + 1), size, AgreedAction::dueOn, AgreedAction::id);
    }

    @Transactional(readOnly = true)
    public WorklistPage<MeetingOutcome> feedbackDue(@Nullable String area, @Nullable Integer limit,
                                                    @Nullable String after, Caller caller) {
        int size = WorklistPage.limit(limit);
        WorklistPage.After from = WorklistPage.After.of(after);
        access.listRead(caller, "feedback due worklist" + filters("area", area, null, null));
        PersonScope scope = access.scopeOf(caller);
        if (scope.seesNoOne()) {
            return new WorklistPage<>(List.of(), null);
        }
        return WorklistPage.of(outcomes.feedbackDue(blankToNull(area), scope, from, size + 1), size,
                MeetingOutcome::feedbackDueOn, MeetingOutcome::id);
    }

    @Transactional(readOnly = true)
    public WorklistPage<ServiceRecommendation> unmetRecommendations(@Nullable String area,
                                                                    @Nullable String serviceType,
                                                                    @Nullable Integer limit, @Nullable String after,
                                                                    Caller caller) {
        int size = WorklistPage.limit(limit);
        WorklistPage.After from = WorklistPage.After.of(after);
        String type = serviceType == null || serviceType.isBlank() ? null : catalogue.known("serviceType",
                serviceType.strip());
        access.listRead(caller, "unmet recommendations worklist" + filters("area", area, "serviceType", type));
        PersonScope scope = access.scopeOf(caller);
        if (scope.seesNoOne()) {
            return new WorklistPage<>(List.of(), null);
        }
        return WorklistPage.of(outcomes.unmetRecommendations(blankToNull(area), type, scope, from, size + 1), size,
                recommendation -> recommendation.markedOn().orElseThrow(), ServiceRecommendation::id);
    }

    public RecommendationCatalogue catalogue() {
        return catalogue;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(DsrClock.ENGLAND));
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static String filters(String name1, @Nullable String value1, @Nullable String name2,
                                  @Nullable String value2) {
        StringBuilder filters = new StringBuilder();
        if (value1 != null && !value1.isBlank()) {
            filters.append(' ').append(name1).append('=').append(value1.strip());
        }
        if (name2 != null && value2 != null && !value2.isBlank()) {
            filters.append(' ').append(name2).append('=').append(value2.strip());
        }
        return filters.toString();
    }
}
