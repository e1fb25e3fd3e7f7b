package org.opendsr.meeting.shared.application;

/** Renders an invitation as an iCalendar (RFC 5545) document in Europe/London time. */
public interface InvitationCalendar {

    /** The content type of what {@link #render} returns. */
    String CONTENT_TYPE = "text/calendar";

    String render(Invitation invitation);
}
