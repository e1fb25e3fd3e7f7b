package org.opendsr.meeting.outcomes.domain;

import java.time.LocalDate;

/** An action as the meeting put it, before it is checked. */
public record ActionAsked(String description, String ownerAgency, String ownerSubject, LocalDate dueOn) {
}
