package org.opendsr.referral.person.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.opendsr.kit.access.Caller;
import org.opendsr.kit.rules.RuleBroken;
import org.opendsr.referral.access.application.RecordAccess;
import org.opendsr.referral.access.domain.AccessPurpose;
import org.opendsr.referral.audit.application.Actor;
import org.opendsr.referral.person.domain.CommunicationPreferences;
import org.opendsr.referral.person.domain.CommunicationPreferencesHeld;
import org.opendsr.referral.person.domain.People;
import org.opendsr.referral.person.domain.Person;
import org.opendsr.referral.shared.application.Now;
import org.opendsr.referral.shared.application.RecordLocks;

/**
 * Records how the person wants to be contacted, by the people who may change their record (their care team, the DSR
 * team of their area, a lead), audited as a change with the values replaced. The notifier reads them at queue and
 * send time.
 */
@Singleton
public class RecordingCommunicationPreferences {

    /** ISO 639-1 codes. English is the standard format, not another language. */
    private static final Set<String> LANGUAGES = Arrays.stream(Locale.getISOLanguages())
            .filter(code -> !"en".equals(code)).collect(Collectors.toUnmodifiableSet());

    private final People people;
    private final CommunicationPreferencesHeld preferences;
    private final RecordLocks locks;
    private final RecordAccess access;
    private final Clock clock;

    public RecordingCommunicationPreferences(People people, CommunicationPreferencesHeld preferences,
                                             RecordLocks locks, RecordAccess access, Clock clock) {
        this.people = people;
        this.preferences = preferences;
        this.locks = locks;
        this.access = access;
        this.clock = clock;
    }

    /**
     * The preferences as a request gives them, each refused naming its field: a channel and format of the lists, a
     * language (ISO 639-1) exactly with OTHER_LANGUAGE, and a day asked that is not in the future. No format is
     * STANDARD.
     */
    public static CommunicationPreferences parse(@Nullable String preferredChannel, @Nullable String accessibleFormat,
                                                 @Nullable String language, @Nullable LocalDate askedOn,
                                                 LocalDate today) {
        CommunicationPreferences.Channel channel = preferredChannel == null ? null
                : valueOf(CommunicationPreferences.Channel.class, "preferredChannel", preferredChannel);
        CommunicationPreferences.Format format = accessibleFormat == null ? CommunicationPreferences.Format.STANDARD
                : valueOf(CommunicationPreferences.Format.class, "accessibleFormat", accessibleFormat);
        String code = null;
        if (format == CommunicationPreferences.Format.OTHER_LANGUAGE) {
            if (language == null || language.isBlank()) {
                throw RuleBroken.invalid("language", "is needed with OTHER_LANGUAGE: an ISO 639-1 code, e.g. pl");
            }
            code = language.trim().toLowerCase(Locale.ROOT);
            if (!LANGUAGES.contains(code)) {
                throw RuleBroken.invalid("language", "must be an ISO 639-1 code other than en, e.g. pl, ar, cy");
            }
        } else if (language != null) {
            throw RuleBroken.invalid("language", "is given only with the accessible format OTHER_LANGUAGE");
        }
        if (askedOn != null && askedOn.isAfter(today)) {
            throw RuleBroken.invalid("askedNotToBeContactedOn", "cannot be in the future");
        }
        return new CommunicationPreferences(channel, format, code, askedOn);
    }

    @Transactional
    public void replace(UUID personId, CommunicationPreferences replacement, Caller caller, AccessPurpose purpose) {
        Instant now = Now.of(clock);
        access.personForChange(personId, caller);
        locks.lockPerson(personId);
        Person person = access.personForChange(personId, caller);
        Map<String, Object> before = audited(preferences.of(personId)
                .orElse(CommunicationPreferences.NOT_RECORDED));
        preferences.replace(personId, replacement, now);
        person.partChanged("communication preferences", now);
        people.save(person);
        access.auditChange(personId, Actor.of(caller), "communication preferences", purpose, now, before,
                audited(replacement));
    }

    private static Map<String, Object> audited(CommunicationPreferences preferences) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("preferredChannel", preferences.preferredChannel() == null ? null
                : preferences.preferredChannel().name());
        values.put("accessibleFormat", preferences.format().name());
        values.put("language", preferences.language());
        values.put("askedNotToBeContactedOn", preferences.askedNotToBeContactedOn() == null ? null
                : preferences.askedNotToBeContactedOn().toString());
        return values;
    }

    private static <E extends Enum<E>> E valueOf(Class<E> type, String field, String text) {
        try {
            return Enum.valueOf(type, text.trim());
        } catch (IllegalArgumentException unknown) {
            throw RuleBroken.invalid(field, "must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }
}
