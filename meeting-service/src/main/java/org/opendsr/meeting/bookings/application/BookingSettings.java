package org.opendsr.meeting.bookings.application;

import java.time.Duration;
import java.time.format.DateTimeParseException;

import io.micronaut.context.annotation.ConfigurationProperties;
import org.opendsr.meeting.bookings.domain.BookingRules;

/**
 * {@code dsr.meeting.bookings.*}: the notice a planned C(E)TR needs ({@code ctr-notice}, default P14D: two weeks) and
 * how long before a review its documents are due ({@code documents-due-before}, default PT24H), as ISO-8601 durations.
 * A bad value stops the service at start-up, naming the setting.
 */
@ConfigurationProperties("dsr.meeting.bookings")
public class BookingSettings {

    private String ctrNotice = "P14D";
    private String documentsDueBefore = "PT24H";

    public BookingRules rules() {
        return new BookingRules(duration("ctr-notice", ctrNotice), duration("documents-due-before",
                documentsDueBefore));
    }

    private static Duration duration(String name, String value) {
        try {
            return Duration.parse(value.strip());
        } catch (DateTimeParseException | NullPointerException e) {
            throw new IllegalArgumentException("dsr.meeting.bookings." + name
                    + " must be an ISO-8601 duration such as P14D or PT24H", e);
        }
    }

    public String getCtrNotice() {
        return ctrNotice;
    }

    public void setCtrNotice(String ctrNotice) {
        this.ctrNotice = ctrNotice;
    }

    public String getDocumentsDueBefore() {
        return documentsDueBefore;
    }

    public void setDocumentsDueBefore(String documentsDueBefore) {
        this.documentsDueBefore = documentsDueBefore;
    }
}
