package org.opendsr.consent.application;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.opendsr.consent.application.ConsentAudit.Action;
import org.opendsr.consent.application.ConsentAudit.Entry;
import org.opendsr.consent.application.ConsentAudit.Outcome;
import org.opendsr.kit.access.AccessPurpose;
import org.opendsr.kit.access.Caller;
import org.opendsr.kit.access.NeedToKnow;
import org.opendsr.kit.access.PersonAccess;
import org.opendsr.kit.rules.RuleBroken;

/**
 * Who may read and change a person's consents, decided by the kit's one policy ({@link NeedToKnow}) from the care
 * team referral-service published, never from who recorded a consent: a current care-team member, the DSR team of the
 * person's area and a lead may record, renew and withdraw; a break-glass membership may only read. Each use case asks
 * here once, and every attempt ends on the audit trail: allowed, refused, or not found.
 *
 * <p>A caller without need to know is told the person or consent does not exist, with exactly the answer an unknown
 * id gets (Caldicott principle 4: not even the existence of a consent is disclosed); a break-glass reader who tries
 * to change is told 403, as their read is allowed.
 */
@Singleton
public class ConsentAccess {

    private final PersonCareTeams careTeams;
    private final ConsentAudit audit;

    public ConsentAccess(PersonCareTeams careTeams, ConsentAudit audit) {
        this.careTeams = careTeams;
        this.audit = audit;
    }

    /** One attempt by a caller to read or change a consent, as the audit trail records it. */
    public record Attempt(Caller caller, AccessPurpose purpose, Action action, String what, Instant at) {

        Entry entry(@Nullable UUID personId, Outcome outcome, @Nullable Map<String, String> before,
                    @Nullable Map<String, String> after) {
            return new Entry(at, caller.userId(), String.join(",", new TreeSet<>(caller.roles())), action, personId,
                    what, purpose, outcome, before, after);
        }

        /** The same attempt, naming the record once it is known (e.g. the id of the consent just recorded). */
        public Attempt naming(String record) {
            return new Attempt(caller, purpose, action, record, at);
        }
    }

    /** What the caller may do with the person's consents now. */
    public PersonAccess of(Caller caller, UUID personId, Instant now) {
        return NeedToKnow.of(caller, careTeams.of(personId), now);
    }

    /** Refuses, as if the person or consent were unknown, unless the caller may read the person's consents. */
    public void mustRead(Attempt attempt, UUID personId, Supplier<RuleBroken> asIfUnknown) {
        if (!of(attempt.caller(), personId, attempt.at()).mayRead()) {
            throw refused(attempt, personId, asIfUnknown.get());
        }
    }

    /**
     * Refuses unless the caller may change the person's consents: as if unknown for a caller without need to know,
     * 403 for a break-glass reader (who may see, so learns nothing new).
     */
    public void mustChange(Attempt attempt, UUID personId, Supplier<RuleBroken> asIfUnknown) {
        PersonAccess access = of(attempt.caller(), personId, attempt.at());
        if (access.mayChange()) {
            return;
        }
        throw refused(attempt, personId, access.mayRead()
                ? RuleBroken.forbidden("A break-glass read gives no right to record, renew or withdraw a consent")
                : asIfUnknown.get());
    }

    /** Audits a refusal (in its own transaction, so the rollback of the request keeps it) and returns it. */
    private RuleBroken refused(Attempt attempt, UUID personId, RuleBroken refusal) {
        audit.appendInItsOwnTransaction(attempt.entry(personId, Outcome.REFUSED, null, null));
        return refusal;
    }

    /** Audits that the id named nothing (an unknown consent, or a person no referral introduced) and returns it. */
    public RuleBroken notFound(Attempt attempt, @Nullable UUID personId, RuleBroken refusal) {
        audit.appendInItsOwnTransaction(attempt.entry(personId, Outcome.NOT_FOUND, null, null));
        return refusal;
    }

    /** Audits a request a rule refused after the caller was allowed (a conflict, a bad date) and returns it. */
    public RuleBroken failed(Attempt attempt, UUID personId, RuleBroken refusal) {
        audit.appendInItsOwnTransaction(attempt.entry(personId,
                refusal.kind() == RuleBroken.Kind.NOT_FOUND ? Outcome.NOT_FOUND : Outcome.FAILED, null, null));
        return refusal;
    }

    /** Audits a read that happened, in the reading transaction. */
    public void read(Attempt attempt, UUID personId) {
        audit.append(List.of(attempt.entry(personId, Outcome.ALLOWED, null, null)));
    }

    /** Audits a list that showed these people's consents: one entry per person shown. */
    public void listed(Attempt attempt, List<UUID> personIds) {
        audit.append(personIds.stream().distinct()
                .map(personId -> attempt.entry(personId, Outcome.ALLOWED, null, null)).toList());
    }

    /** Audits a change that happened, with the values before and after, in the changing transaction. */
    public void changed(Attempt attempt, UUID personId, @Nullable Map<String, String> before,
                        Map<String, String> after) {
        audit.append(List.of(attempt.entry(personId, Outcome.ALLOWED, before, after)));
    }
}
