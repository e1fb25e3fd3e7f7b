package org.opendsr.meeting.agenda.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.opendsr.kit.rules.RuleBroken;

/**
 * The agenda of one tracking meeting: who the meeting will talk about and why. Assembled from the register at the
 * cut-off ({@link AgendaAssembly}); until the meeting is held the DSR team may assemble it again (what was added by
 * hand stays) and add people by hand with a reason; once the meeting is held it is frozen as it was, for good.
 *
 * <p>It keeps what the register gave and what the team added apart, and {@link #items()} lays them together: a person
 * both assembled and added by hand is one item with both reasons; people only added by hand follow the assembled
 * ones, in the order they were added.
 */
public final class TrackingMeetingAgenda {

    private final UUID meetingId;
    private AgendaStatus status;
    private Instant assembledAt;
    private Instant frozenAt;
    private List<AgendaItem> assembled;
    private final List<HandAddedItem> byHand;

    private TrackingMeetingAgenda(UUID meetingId, AgendaStatus status, Instant assembledAt, Instant frozenAt,
                                  List<AgendaItem> assembled, List<HandAddedItem> byHand) {
        this.meetingId = Objects.requireNonNull(meetingId, "meetingId");
        this.status = Objects.requireNonNull(status, "status");
        this.assembledAt = assembledAt;
        this.frozenAt = frozenAt;
        this.assembled = List.copyOf(assembled);
        this.byHand = new ArrayList<>(byHand);
    }

    /** An agenda nobody has assembled yet (someone was added by hand before the cut-off). */
    public static TrackingMeetingAgenda notYetAssembled(UUID meetingId) {
        return new TrackingMeetingAgenda(meetingId, AgendaStatus.NOT_YET_ASSEMBLED, null, null, List.of(), List.of());
    }

    /** As stored. */
    public static TrackingMeetingAgenda restore(UUID meetingId, AgendaStatus status, Instant assembledAt,
                                                Instant frozenAt, List<AgendaItem> assembled,
                                                List<HandAddedItem> byHand) {
        return new TrackingMeetingAgenda(meetingId, status, assembledAt, frozenAt, assembled, byHand);
    }

    /**
     * Takes what the register says now (at the cut-off, or again on demand): the assembled items are replaced, the
     * ones added by hand are kept. Refused once frozen.
     */
    public void assemble(List<AgendaItem> items, Instant at) {
        requireNotFrozen("assembled again");
        assembled = List.copyOf(items);
        assembledAt = Objects.requireNonNull(at, "at");
        status = AgendaStatus.DRAFT;
    }

    /**
     * Puts a person on the agenda by hand, with a reason. A second hand-added reason for the same person is refused
     * (one reason each, whoever adds it); a person already on it from the register gets the hand reason beside the
     * others. Refused once frozen.
     */
    public HandAddedItem addByHand(UUID personId, String reason, String addedBy, Instant at) {
        requireNotFrozen("added to");
        if (byHand.stream().anyMatch(item -> item.personId().equals(personId))) {
            throw RuleBroken.conflict("agenda-item-exists", "Already on the agenda", "personId",
                    "this person was already added to the agenda by hand; one reason each");
        }
        HandAddedItem item = new HandAddedItem(personId, reason, addedBy, at);
        byHand.add(item);
        return item;
    }

    /** The meeting was held: the agenda stays as it is now. It must have been assembled first. */
    public void freeze(Instant at) {
        requireNotFrozen("frozen again");
        if (status != AgendaStatus.DRAFT) {
            throw new IllegalStateException("an agenda is assembled before it is frozen");
        }
        status = AgendaStatus.FROZEN;
        frozenAt = Objects.requireNonNull(at, "at");
    }

    private void requireNotFrozen(String change) {
        if (status == AgendaStatus.FROZEN) {
            throw RuleBroken.conflict("agenda-frozen", "The agenda is frozen",
                    "the meeting was held and its agenda is kept as it was: it cannot be " + change);
        }
    }

    /** Everyone on the agenda, in the order the chair takes them, each once with all their reasons. */
    public List<AgendaItem> items() {
        return together(assembled, byHand);
    }

    /** The assembled items and the hand-added ones laid together (also for a preview before the cut-off). */
    public static List<AgendaItem> together(List<AgendaItem> assembled, List<HandAddedItem> byHand) {
        Map<UUID, AgendaItem> items = new LinkedHashMap<>();
        assembled.forEach(item -> items.put(item.personId(), item));
        for (HandAddedItem added : byHand) {
            items.merge(added.personId(), new AgendaItem(added.personId(), List.of(added.asReason())),
                    (onIt, hand) -> onIt.with(added.asReason()));
        }
        return List.copyOf(items.values());
    }

    public boolean isOn(UUID personId) {
        return items().stream().anyMatch(item -> item.personId().equals(personId));
    }

    public UUID meetingId() {
        return meetingId;
    }

    public AgendaStatus status() {
        return status;
    }

    /** When it was last assembled from the register; null while not yet assembled. */
    public Instant assembledAt() {
        return assembledAt;
    }

    public Instant frozenAt() {
        return frozenAt;
    }

    public List<AgendaItem> assembled() {
        return assembled;
    }

    public List<HandAddedItem> byHand() {
        return List.copyOf(byHand);
    }
}
