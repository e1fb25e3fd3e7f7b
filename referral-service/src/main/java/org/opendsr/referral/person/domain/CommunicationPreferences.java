package org.opendsr.referral.person.domain;

import java.time.LocalDate;
import java.util.Objects;

/**
 * How the person wants to be contacted, as their record says: a preferred channel (none: the DSR chooses from the
 * details held), the format they need messages in (easy read, large print, or another language, an ISO 639-1 code),
 * and, if they asked not to be contacted, the day they asked. The notifier honours each (see the README,
 * "Notifications").
 */
public record CommunicationPreferences(Channel preferredChannel, Format format, String language,
                                       LocalDate askedNotToBeContactedOn) {

    /** What everyone has until something is recorded. */
    public static final CommunicationPreferences NOT_RECORDED =
            new CommunicationPreferences(null, Format.STANDARD, null, null);

    public enum Channel {
        EMAIL,
        SMS,
        LETTER
    }

    public enum Format {
        STANDARD,
        EASY_READ,
        LARGE_PRINT,
        OTHER_LANGUAGE
    }

    public CommunicationPreferences {
        Objects.requireNonNull(format, "format");
        if ((format == Format.OTHER_LANGUAGE) != (language != null)) {
            throw new IllegalArgumentException("a language goes with OTHER_LANGUAGE, and only with it");
        }
    }

    public boolean askedNotToBeContacted() {
        return askedNotToBeContactedOn != null;
    }
}
