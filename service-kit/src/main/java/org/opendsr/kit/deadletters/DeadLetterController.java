package org.opendsr.kit.deadletters;

import java.util.Arrays;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import org.opendsr.kit.access.Caller;
import org.opendsr.kit.deadletters.DeadLetterViews.DeadLetterList;
import org.opendsr.kit.deadletters.DeadLetterViews.DeadLetterSummary;
import org.opendsr.kit.deadletters.DeadLetterViews.DiscardRequest;
import org.opendsr.kit.deadletters.DeadLetterViews.ReplayResult;
import org.opendsr.kit.messaging.UnprocessableEvent;
import org.opendsr.kit.rules.RuleBroken;
import org.opendsr.kit.security.DsrRoles;

/**
 * A DSR lead's dead-letter office of this service, at {@code /dead-letters/<service name>} (the gateway routes each
 * service's prefix to it: {@code /api/dead-letters/referral-service}, {@code /api/dead-letters/consent-service}, ...).
 * Leads only: a dead letter is about the platform's plumbing, not about a person's care, and replaying one changes
 * records in every area. Everyone else is refused (403).
 */
@Controller("/dead-letters/${micronaut.application.name}")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(DsrRoles.DSR_LEAD)
public class DeadLetterController {

    private final DeadLetterOffice office;

    public DeadLetterController(DeadLetterOffice office) {
        this.office = office;
    }

    /** Oldest first, with counts by reason and state; no record's value, no agency key. */
    @Get
    public DeadLetterList list(@QueryValue @Nullable String reasonCode, @QueryValue @Nullable String state,
                               @QueryValue @Nullable String after, @QueryValue @Nullable String limit) {
        return office.list(reasonCode(reasonCode), state(state), after(after), limit(limit));
    }

    @Post("/{deadLetterId}/replay")
    public ReplayResult replay(@PathVariable String deadLetterId, Caller caller) {
        return office.replay(id(deadLetterId), caller);
    }

    @Post("/{deadLetterId}/discard")
    public DeadLetterSummary discard(@PathVariable String deadLetterId, @Body @Nullable DiscardRequest request,
                                     Caller caller) {
        UUID id = id(deadLetterId);
        return office.discard(id, request == null ? null : request.reason(), caller);
    }

    private static UUID id(String deadLetterId) {
        try {
            return UUID.fromString(deadLetterId);
        } catch (IllegalArgumentException e) {
            throw RuleBroken.invalid("deadLetterId", "must be a dead letter's id (a UUID)");
        }
    }

    private static UnprocessableEvent.Reason reasonCode(@Nullable String reasonCode) {
        if (reasonCode == null || reasonCode.isBlank()) {
            return null;
        }
        try {
            return UnprocessableEvent.Reason.valueOf(reasonCode.strip());
        } catch (IllegalArgumentException e) {
            throw RuleBroken.invalid("reasonCode", "must be one of " + Arrays.toString(UnprocessableEvent.Reason.values()));
        }
    }

    private static DeadLetterState state(@Nullable String state) {
        if (state == null || state.isBlank()) {
            return null;
        }
        try {
            return DeadLetterState.valueOf(state.strip());
        } catch (IllegalArgumentException e) {
            throw RuleBroken.invalid("state", "must be one of " + Arrays.toString(DeadLetterState.values()));
        }
    }

    private static Long after(@Nullable String after) {
        if (after == null || after.isBlank()) {
            return null;
        }
        try {
            long value = Long.parseLong(after.strip());
            if (value < 0) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw RuleBroken.invalid("after", "must be the nextAfter of the page before");
        }
    }

    private static int limit(@Nullable String limit) {
        if (limit == null || limit.isBlank()) {
            return 50;
        }
        try {
            int value = Integer.parseInt(limit.strip());
            if (value < 1 || value > DeadLetterOffice.MAX_PAGE) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw RuleBroken.invalid("limit", "must be from 1 to " + DeadLetterOffice.MAX_PAGE);
        }
    }
}
