package org.opendsr.meeting.bookings.domain;

import org.opendsr.kit.rules.GivenOrLeftOut;
import org.opendsr.kit.rules.OneLineText;
import org.opendsr.kit.rules.RuleBroken;
import org.opendsr.meeting.shared.domain.HttpsLink;

/**
 * Where a review or meeting takes place: an online link (https) or a place (a building, a room), one or the other.
 * Neither names a person: a link is a meeting room's, a place is a service's.
 */
public record Venue(String onlineLink, String location) {

    public static final int LOCATION_MAX_LENGTH = 200;
    public static final int LINK_MAX_LENGTH = HttpsLink.MAX_LENGTH;

    public static Venue of(String onlineLink, String location) {
        // Each is left out or given: a blank one is refused, not read as left out (issue 15), which on a rebooking
        // would silently keep the old place.
        String link = GivenOrLeftOut.value("onlineLink", onlineLink).map(String::strip).orElse(null);
        String place = GivenOrLeftOut.value("location", location).map(String::strip).orElse(null);
        if (link != null && place != null) {
            throw RuleBroken.invalid("location", "give an onlineLink or a location, not both");
        }
        if (link != null) {
            link = HttpsLink.checked("onlineLink", link);
        }
        if (place != null) {
            OneLineText.problemWith(place, LOCATION_MAX_LENGTH, "a building or a room").ifPresent(problem -> {
                throw RuleBroken.invalid("location", problem);
            });
            place = place.strip();
        }
        return new Venue(link, place);
    }

    /** For the invitation's LOCATION: the link or the place, or null. */
    public String describe() {
        return onlineLink != null ? onlineLink : location;
    }
}
