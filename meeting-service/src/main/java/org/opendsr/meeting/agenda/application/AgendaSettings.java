package org.opendsr.meeting.agenda.application;

import io.micronaut.context.annotation.ConfigurationProperties;
import org.opendsr.meeting.agenda.domain.AgendaCutOff;

/**
 * {@code dsr.meeting.agenda.*} (environment variables {@code DSR_MEETING_AGENDA_...}): when an agenda is assembled
 * and what it looks back at. Defaults suit a fortnightly Thursday meeting (see meeting-service/README.md, "Agendas").
 */
@ConfigurationProperties("dsr.meeting.agenda")
public class AgendaSettings {

    /** The agenda is assembled this many working days before its meeting (2: Tuesday for a Thursday meeting). */
    private int cutOffWorkingDays = 2;
    /** A series' first meeting has no last meeting to look back to: it looks back this many days. */
    private int firstMeetingLooksBackDays = 28;
    /** When the series has no next meeting yet, the next one is taken to be this many days later (fortnightly). */
    private int usualIntervalDays = 14;

    public AgendaCutOff cutOff() {
        return new AgendaCutOff(cutOffWorkingDays);
    }

    public int getCutOffWorkingDays() {
        return cutOffWorkingDays;
    }

    public void setCutOffWorkingDays(int cutOffWorkingDays) {
        if (cutOffWorkingDays < 0 || cutOffWorkingDays > 20) {
            throw new IllegalArgumentException("dsr.meeting.agenda.cut-off-working-days must be 0 to 20");
        }
        this.cutOffWorkingDays = cutOffWorkingDays;
    }

    public int getFirstMeetingLooksBackDays() {
        return firstMeetingLooksBackDays;
    }

    public void setFirstMeetingLooksBackDays(int firstMeetingLooksBackDays) {
        if (firstMeetingLooksBackDays < 1) {
            throw new IllegalArgumentException("dsr.meeting.agenda.first-meeting-looks-back-days must be at least 1");
        }
        this.firstMeetingLooksBackDays = firstMeetingLooksBackDays;
    }

    public int getUsualIntervalDays() {
        return usualIntervalDays;
    }

    public void setUsualIntervalDays(int usualIntervalDays) {
        if (usualIntervalDays < 1) {
            throw new IllegalArgumentException("dsr.meeting.agenda.usual-interval-days must be at least 1");
        }
        this.usualIntervalDays = usualIntervalDays;
    }
}
