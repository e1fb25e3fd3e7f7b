package org.opendsr.kit.deadletters;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** What a lead sees of dead letters: never a record's value, nor the key of one that carries personal data. */
public final class DeadLetterViews {

    private DeadLetterViews() {
    }

    /**
     * One dead letter.
     *
     * @param key        the record's key (a personId on the DSR's own topics); null for an agency inbound one
     * @param hasPayload whether the record's value is kept to replay (not after redaction, replay or discard)
     */
    @Serdeable
    public record DeadLetterSummary(UUID deadLetterId, DeadLetterState state, String reasonCode, String reason,
                                    String consumerGroup, String originalTopic, int originalPartition,
                                    long originalOffset, @Nullable String eventId, @Nullable String eventType,
                                    Instant failedAt, Instant receivedAt, boolean carriesPersonalData,
                                    @Nullable String key, boolean hasPayload, @Nullable Instant redactedAt,
                                    int replayAttempts, @Nullable Instant stateChangedAt,
                                    @Nullable String stateChangedBy) {
    }

    /** How many dead letters there are of a reason in a state. */
    @Serdeable
    public record ReasonCount(String reasonCode, DeadLetterState state, long count) {
    }

    /**
     * A page of dead letters, oldest first, with the counts by reason (of every dead letter, whatever the filter).
     *
     * @param nextAfter pass as {@code after} for the next page; null on the last
     */
    @Serdeable
    public record DeadLetterList(List<ReasonCount> byReason, List<DeadLetterSummary> items, @Nullable Long nextAfter) {
    }

    /** What a replay came to: APPLIED, ALREADY_PROCESSED (both leave it REPLAYED) or FAILED (still WAITING). */
    @Serdeable
    public record ReplayResult(String outcome, DeadLetterSummary deadLetter) {
    }

    /** A lead's reason to discard a dead letter. */
    @Serdeable
    public record DiscardRequest(@Nullable String reason) {
    }
}
