package org.opendsr.referral.careteam.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.opendsr.contracts.access.CareTeamRole;
import org.opendsr.kit.access.Caller;
import org.opendsr.kit.audit.AuditOutcome;
import org.opendsr.kit.access.NeedToKnow;
import org.opendsr.kit.access.PersonAccess;
import org.opendsr.kit.access.PersonScope;
import org.opendsr.kit.rules.RuleBroken;
import org.opendsr.kit.security.DsrRoles;
import org.opendsr.referral.access.application.RecordAccess;
import org.opendsr.referral.access.domain.AccessPurpose;
import org.opendsr.referral.audit.application.Actor;
import org.opendsr.referral.audit.application.AuditAction;
import org.opendsr.referral.careteam.domain.JoinRequest;
import org.opendsr.referral.careteam.domain.JoinRequests;
import org.opendsr.referral.careteam.domain.Membership;
import org.opendsr.referral.careteam.domain.Memberships;
import org.opendsr.referral.shared.application.Now;
import org.opendsr.referral.shared.application.RecordLocks;

/**
 * What people do to a care team: ask for a key professional to join (a worklist item, never access), the DSR team
 * of the person's area (or a lead) confirming or refusing, ending a membership with a reason, recording an agency
 * as providing care, and declaring a break-glass read. Every change is audited and published by
 * {@link KeepingCareTeams}.
 */
@Singleton
public class ManagingCareTeams {

    /** The most a worklist page holds. */
    public static final int MAX_PAGE_SIZE = 100;

    /** A person's care team as the API shows it: memberships current and past, and requests still pending. */
    public record CareTeamView(UUID personId, List<Membership> memberships, List<JoinRequest> pendingRequests) {
    }

    private final Memberships memberships;
    private final JoinRequests requests;
    private final CareTeamWorklists worklists;
    private final KeepingCareTeams keeping;
    private final RecordAccess access;
    private final RecordLocks locks;
    private final Clock clock;
    private final Duration breakGlassFor;

    public ManagingCareTeams(Memberships memberships, JoinRequests requests, CareTeamWorklists worklists,
                             KeepingCareTeams keeping, RecordAccess access, RecordLocks locks, Clock clock,
                             @Value("${dsr.access.break-glass-duration:PT4H}") Duration breakGlassFor) {
        this.memberships = memberships;
        this.requests = requests;
        this.worklists = worklists;
        this.keeping = keeping;
        this.access = access;
        this.locks = locks;
        this.clock = clock;
        this.breakGlassFor = breakGlassFor;
    }

    @Transactional
    public List<JoinRequest> pendingRequests(Caller caller, @Nullable Instant requestedAfter, @Nullable UUID idAfter,
                                             int size) {
        if (!caller.hasRole(DsrRoles.DSR_TEAM) && !caller.hasRole(DsrRoles.DSR_LEAD)) {
            throw RuleBroken.forbidden("the requests to join care teams are the DSR team's worklist");
        }
        return worklists.pendingRequests(PersonScope.of(caller, Now.of(clock)), requestedAfter, idAfter,
                Math.min(size, MAX_PAGE_SIZE));
    }

    @Transactional
    public Membership confirm(UUID requestId, Caller caller, AccessPurpose purpose) {
        JoinRequest request = requests.byId(requestId).orElseThrow(() -> RuleBroken.notFound("The request"));
        locks.lockPerson(request.personId());
        access.requireManages(request.personId(), caller, "The request");
        Instant now = Now.of(clock);
        JoinRequest.Confirmed confirmed = request.confirm(caller.userId(), now);
        // The membership first: the decided request refers to it.
        keeping.save(confirmed.membership());
        requests.save(confirmed.request());
        access.audit(request.personId(), Actor.of(caller), AuditAction.CHANGED, "care team: key professional "
                + request.subject() + " confirmed (request " + requestId + ")", purpose, now);
        return confirmed.membership();
    }

    @Transactional
    public void refuse(UUID requestId, Caller caller, AccessPurpose purpose) {
        JoinRequest request = requests.byId(requestId).orElseThrow(() -> RuleBroken.notFound("The request"));
        locks.lockPerson(request.personId());
        access.requireManages(request.personId(), caller, "The request");
        Instant now = Now.of(clock);
        requests.save(request.refuse(caller.userId(), now));
        access.audit(request.personId(), Actor.of(caller), AuditAction.CHANGED, "care team: request " + requestId
                + " refused", purpose, now);
    }

    @Transactional
    public Membership end(UUID personId, UUID membershipId, String reason, Caller caller, AccessPurpose purpose) {
        locks.lockPerson(personId);
        access.requireManages(personId, caller, "The person");
        Instant now = Now.of(clock);
        Membership membership = memberships.byId(membershipId)
                .filter(found -> found.personId().equals(personId) && found.inForce(now))
                .orElseThrow(() -> RuleBroken.notFound("A current membership"));
        Membership ended = membership.end(now, caller.userId(), reason.trim());
        keeping.save(ended);
        access.audit(personId, Actor.of(caller), AuditAction.CHANGED, "care team: " + membership.role() + " "
                + membership.subject() + " ended", purpose, now);
        return ended;
    }

    /** The DSR team records an agency as providing the person's care: no request, since the DSR team decides. */
    @Transactional
    public Membership recordProvidingAgency(UUID personId, String agencyId, Caller caller, AccessPurpose purpose) {
        locks.lockPerson(personId);
        access.requireManages(personId, caller, "The person");
        Instant now = Now.of(clock);
        String agency = agencyId.trim();
        boolean already = memberships.ofPerson(personId).stream().anyMatch(m -> m.inForce(now)
                && m.role() == CareTeamRole.PROVIDING_AGENCY && m.subject().equals(agency));
        if (already) {
            throw RuleBroken.conflict("agency-already-providing", "The agency is already recorded", "agencyId",
                    "this agency is already recorded as providing the person's care");
        }
        Membership membership = Membership.start(personId, agency, CareTeamRole.PROVIDING_AGENCY,
                "recorded by the DSR team as providing care", null, null, now, caller.userId(), null);
        keeping.save(membership);
        access.audit(personId, Actor.of(caller), AuditAction.CHANGED, "care team: providing agency " + agency
                + " recorded", purpose, now);
        return membership;
    }

    /**
     * An emergency read of one person's record, declared with a reason: read only, for a configured time (4 hours
     * unless configured), audited, and listed for a lead to review.
     */
    @Transactional
    public Membership breakGlass(UUID personId, String reason, Caller caller, AccessPurpose purpose) {
        if (!NeedToKnow.mayBreakGlass(caller)) {
            throw RuleBroken.forbidden("only professionals and the DSR team may declare a break-glass read");
        }
        locks.lockPerson(personId);
        if (!access.personExists(personId)) {
            access.auditAttempt(personId, caller, "break-glass read", AuditOutcome.NOT_FOUND);
            throw RuleBroken.notFound("The person");
        }
        Instant now = Now.of(clock);
        Membership membership = Membership.start(personId, caller.userId(), CareTeamRole.BREAK_GLASS,
                reason.trim(), null, null, now, caller.userId(), now.plus(breakGlassFor));
        keeping.save(membership);
        access.audit(personId, Actor.of(caller), AuditAction.CHANGED, "break-glass read declared until "
                + membership.endsAt(), purpose, now);
        return membership;
    }

    /** Break-glass reads, newest first, for a lead to review. */
    @Transactional
    public List<Membership> breakGlassReads(Caller caller, boolean unreviewedOnly, @Nullable Instant startedBefore,
                                            @Nullable UUID idBefore, int size) {
        checkLead(caller);
        return memberships.breakGlass(unreviewedOnly, startedBefore, idBefore, Math.min(size, MAX_PAGE_SIZE));
    }

    @Transactional
    public Membership reviewBreakGlass(UUID membershipId, Caller caller, AccessPurpose purpose) {
        checkLead(caller);
        Membership membership = memberships.byId(membershipId)
                .filter(found -> found.role() == CareTeamRole.BREAK_GLASS)
                .orElseThrow(() -> RuleBroken.notFound("A break-glass read"));
        if (membership.reviewedAt() != null) {
            throw RuleBroken.conflict("break-glass-reviewed", "Already reviewed",
                    "this break-glass read was already reviewed");
        }
        Instant now = Now.of(clock);
        Membership reviewed = membership.reviewed(now, caller.userId());
        memberships.save(reviewed);
        access.audit(membership.personId(), Actor.of(caller), AuditAction.CHANGED, "break-glass read "
                + membershipId + " reviewed", purpose, now);
        return reviewed;
    }

    /** The team as the person's area team, leads and current members see it (not a break-glass reader). */
    @Transactional
    public CareTeamView careTeam(UUID personId, Caller caller, AccessPurpose purpose) {
        PersonAccess personAccess = access.accessOf(personId, caller);
        if (!personAccess.mayChange() || !access.personExists(personId)) {
            access.auditAttempt(personId, caller, "care team", access.personExists(personId) ? AuditOutcome.REFUSED
                    : AuditOutcome.NOT_FOUND);
            throw RuleBroken.notFound("The person");
        }
        access.audit(personId, Actor.of(caller), AuditAction.READ, "care team", purpose, Now.of(clock));
        return new CareTeamView(personId, memberships.ofPerson(personId),
                requests.ofPerson(personId).stream().filter(JoinRequest::isPending).toList());
    }

    private static void checkLead(Caller caller) {
        if (!caller.hasRole(DsrRoles.DSR_LEAD)) {
            throw RuleBroken.forbidden("only a DSR lead reviews break-glass reads");
        }
    }
}
