package org.opendsr.referral.notifications.application;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import org.opendsr.referral.notifications.domain.PersonToNotify;

/** Reads what the notifier needs of a person's record, from referral-service's own tables, as it is now. */
public interface PeopleToNotify {

    Optional<PersonToNotify> of(UUID personId, LocalDate today);
}
