package org.opendsr.meeting.agenda.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One person on the agenda, by personId only (names reach the meeting through the gateway's person view), with every
 * reason they are on it: a person with three reasons is one item with three reasons, in {@link AgendaReason} order.
 */
public record AgendaItem(UUID personId, List<ItemReason> reasons) {

    public AgendaItem {
        Objects.requireNonNull(personId, "personId");
        if (reasons == null || reasons.isEmpty()) {
            throw new IllegalArgumentException("an agenda item has at least one reason");
        }
        reasons = reasons.stream().sorted(Comparator.comparing(ItemReason::code)).toList();
    }

    public boolean hasReason(AgendaReason code) {
        return reasons.stream().anyMatch(reason -> reason.code() == code);
    }

    /** The same person with one more reason. */
    AgendaItem with(ItemReason reason) {
        List<ItemReason> more = new ArrayList<>(reasons);
        more.add(reason);
        return new AgendaItem(personId, more);
    }
}
