package org.opendsr.referral.notifications.application;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.opendsr.kit.access.Caller;
import org.opendsr.kit.access.PersonScope;
import org.opendsr.referral.access.application.RecordAccess;
import org.opendsr.referral.access.domain.AccessPurpose;
import org.opendsr.referral.audit.application.Actor;
import org.opendsr.referral.audit.application.AuditAction;
import org.opendsr.referral.shared.application.KeysetPage;
import org.opendsr.referral.shared.application.Now;
import org.opendsr.referral.shared.application.PageRequest;

/**
 * What the DSR team sees of the notifier: messages that failed for good (to contact the person another way), and in
 * local runs the local mailbox. Each shows only people the caller may see, each listed person audited with the purpose.
 */
@Singleton
public class ReviewingNotifications {

    private final NotificationQueue queue;
    private final LocalMailbox mailbox;
    private final RecordAccess access;
    private final Clock clock;

    public ReviewingNotifications(NotificationQueue queue, LocalMailbox mailbox, RecordAccess access, Clock clock) {
        this.queue = queue;
        this.mailbox = mailbox;
        this.access = access;
        this.clock = clock;
    }

    @Transactional
    public KeysetPage<NotificationQueue.Failed> failed(PageRequest page, Caller caller, AccessPurpose purpose) {
        KeysetPage<NotificationQueue.Failed> lines = queue.failed(PersonScope.of(caller, Now.of(clock)), page);
        audit(lines.items().stream().map(NotificationQueue.Failed::personId).toList(), "failed notifications worklist",
                caller, purpose);
        return lines;
    }

    @Transactional
    public KeysetPage<LocalMailbox.Message> localMailbox(@Nullable UUID personId, PageRequest page, Caller caller,
                                                        AccessPurpose purpose) {
        KeysetPage<LocalMailbox.Message> lines = mailbox.messages(PersonScope.of(caller, Now.of(clock)), personId, page);
        audit(lines.items().stream().map(LocalMailbox.Message::personId).distinct().toList(), "local mailbox",
                caller, purpose);
        return lines;
    }

    private void audit(List<UUID> personIds, String what, Caller caller, AccessPurpose purpose) {
        access.auditAll(personIds, Actor.of(caller), AuditAction.LISTED, what, purpose, Now.of(clock));
    }
}
