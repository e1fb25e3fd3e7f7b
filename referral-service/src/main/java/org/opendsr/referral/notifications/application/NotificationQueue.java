package org.opendsr.referral.notifications.application;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;

import org.opendsr.kit.access.PersonScope;
import org.opendsr.referral.notifications.domain.MessageKind;
import org.opendsr.referral.notifications.domain.RecipientRole;
import org.opendsr.referral.shared.application.KeysetPage;
import org.opendsr.referral.shared.application.PageRequest;

/**
 * The durable queue of messages (the {@code notification} table): one per message per recipient, at most one per
 * source event and recipient. It holds ids, the message's facts (dates, numbers: never contact details or names) and
 * where each message is; contact details are read from the record at send time.
 */
public interface NotificationQueue {

    /** A message to send: queued PENDING, due at once. */
    record Queued(UUID id, String sourceEventId, MessageKind message, UUID personId, RecipientRole recipient,
                  Map<String, String> facts, Instant at) {
    }

    /** A message claimed for sending, with the attempts so far (this one included). */
    record Due(UUID id, UUID personId, MessageKind message, RecipientRole recipient, Map<String, String> facts,
               int attempts) {
    }

    /**
     * Withholds the invitations to a meeting not yet sent to the person's side (still PENDING), with the reason: a
     * later invitation or a cancellation replaces them. @return how many
     */
    int withholdPendingInvitations(UUID personId, UUID meetingId, String reason, Instant at);

    /** The facts of the latest invitation to the meeting the provider took (SENT or DELIVERED), if any was. */
    Optional<Map<String, String>> lastInvitationSent(UUID personId, UUID meetingId);

    /** @return false when the source event's message to this recipient was queued before (a re-delivered event) */
    boolean queue(Queued queued);

    /** A message never to be sent, recorded as WITHHELD with the rule's code, for the record. */
    boolean withhold(Queued queued, String reason);

    /**
     * The highest invitation sequence queued (or withheld) for the person's Meeting by Exception, if any was: a later
     * invitation is a changed time; one at or below it is stale.
     */
    OptionalInt invitationSequenceQueued(UUID personId, UUID meetingId);

    /**
     * Claims up to {@code max} PENDING messages due by {@code now}, skipping those another replica holds, and keeps
     * them from everyone until {@code leaseUntil} (a replica that dies mid-send leaves them due again then).
     */
    List<Due> claimDue(Instant now, int max, Instant leaseUntil);

    void sent(UUID id, String channel, String template, String providerReference, Instant at);

    void withheld(UUID id, String reason, Instant at);

    void retryAt(UUID id, Instant nextAttemptAt, String reason);

    void failedPermanently(UUID id, String channel, String template, String reason, Instant at);

    /** A permanently failed message as the DSR team's worklist shows it: no contact details. */
    record Failed(UUID notificationId, UUID personId, String givenName, String familyName, String locality,
                  String message, String recipient, String channel, String template, String failureReason,
                  int attempts, Instant queuedAt, Instant failedAt) {
    }

    /** Permanently failed messages about people in the scope, oldest failure first. */
    KeysetPage<Failed> failed(PersonScope scope, PageRequest page);
}
