package org.opendsr.referral.register.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Age milestones and keyworker suggestions already made: each is recorded under a unique key, so whichever replica
 * or run gets there first makes it and every other finds it done.
 */
public interface Milestones {

    /** Turning 18: recorded on the day it is announced (the first of a month ahead of it), under its original key. */
    String TURNED_18 = "TURNED_18";

    /** Turned 16: recorded on the day it is announced (the first of the month after the birthday's). */
    String TURNED_16 = "TURNED_16";

    /** Someone who may have turned 18: what the rule needs, nothing more. */
    record Candidate(UUID personId, LocalDate dateOfBirth, Instant firstRecordedAt) {
        @Override
        public String toString() {
            return "Candidate[personId=" + personId + ", date of birth redacted]";
        }
    }

    /**
     * People the other services know, born in the window, without the milestone recorded yet. Known means a referral of
     * theirs was announced ({@code dsr.referral.received.v1}: at once for a professional or agency referral, on
     * completion for a self or family referral); consent-, risk- and meeting-service know a person from that event
     * only, so an announcement about anyone else could only be dead-lettered.
     */
    List<Candidate> knownWithoutMilestoneBornBetween(String milestone, LocalDate bornAfter, LocalDate bornOnOrBefore);

    /** True when this call recorded the milestone; false when it was already recorded. */
    boolean recordMilestone(UUID personId, String milestone, LocalDate reachedOn, Instant noticedAt);

    /** True when this call recorded the suggestion; false when the episode already had one for the reason. */
    boolean recordKeyworkerSuggestion(UUID episodeId, String reason, UUID personId, Instant at);
}
