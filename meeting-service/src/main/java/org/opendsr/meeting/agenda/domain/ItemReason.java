package org.opendsr.meeting.agenda.domain;

import java.util.Objects;

/**
 * One reason a person is on the agenda: its code and the same in plain words for the chair ("Rated RED since
 * 2026-11-02", "Community C(E)TR due 2026-12-10"). The words name ratings, reviews and dates, never the person; a
 * reason added by hand is the DSR team's own one-line text, held to the kit's one-line rule.
 */
public record ItemReason(AgendaReason code, String why) {

    public ItemReason {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(why, "why");
    }
}
