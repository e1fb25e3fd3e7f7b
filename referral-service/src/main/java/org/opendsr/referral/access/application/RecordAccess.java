package org.opendsr.referral.access.application;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.opendsr.kit.audit.AuditOutcome;
import org.opendsr.kit.access.Caller;
import org.opendsr.kit.rules.RuleBroken;
import org.opendsr.kit.security.DsrRoles;
import org.opendsr.contracts.access.CareTeamRole;
import org.opendsr.kit.access.NeedToKnow;
import org.opendsr.kit.access.PersonAccess;
import org.opendsr.referral.shared.application.Now;
import org.opendsr.referral.audit.application.AuditTrail;
import org.opendsr.referral.person.domain.People;
import org.opendsr.referral.person.domain.Person;
import org.opendsr.referral.access.domain.AccessPurpose;
import org.opendsr.referral.audit.application.Actor;
import org.opendsr.referral.audit.application.AuditAction;

/**
 * Need-to-know access (Caldicott principle 4) and the audit trail. Who may see and change a person is the kit's one
 * policy ({@link NeedToKnow}) applied to the person's care team as the kit holds it ({@link CareTeamProjection}),
 * exactly as every other service decides: leads everyone, the DSR team its areas' people, a professional only while
 * in the person's care team, a break-glass read read only. Anyone else is told the person does not exist, not that
 * they may not see them. Every read and change is audited with its purpose.
 */
@Singleton
public class RecordAccess {

    private final People people;
    private final CareTeamProjection careTeams;
    private final AuditTrail audit;
    private final Clock clock;
    private final MergedRecords merged;

    @jakarta.inject.Inject
    public RecordAccess(People people, CareTeamProjection careTeams, AuditTrail audit, Clock clock,
                        MergedRecords merged) {
        this.people = people;
        this.careTeams = careTeams;
        this.audit = audit;
        this.clock = clock;
        this.merged = merged;
    }

    /** Where no record is ever merged (use-case tests without a database). */
    public RecordAccess(People people, CareTeamProjection careTeams, AuditTrail audit, Clock clock) {
        this(people, careTeams, audit, clock, MergedRecords.NONE);
    }

    /**
     * The record a personId stands for now: the survivor's when it was merged away (an event from another service
     * may still carry the old id until that service has re-keyed), else itself.
     */
    public UUID currentRecordOf(UUID personId) {
        return merged.current(personId);
    }

    /** What the caller may do with the person's records now. */
    public PersonAccess accessOf(UUID personId, Caller caller) {
        // A merged-away id is the survivor's record now: whoever may see the survivor may see what it was.
        return NeedToKnow.of(caller, careTeams.of(merged.current(personId)), Now.of(clock));
    }

    /**
     * The DSR team and leads, who work the register: their own changes to a person's identity are made at once (a
     * professional's are held for their review). Which people they reach is NeedToKnow's to decide, by area.
     */
    public static boolean worksTheRegister(Caller caller) {
        return caller.hasRole(DsrRoles.DSR_TEAM) || caller.hasRole(DsrRoles.DSR_LEAD);
    }

    public boolean mayAccess(UUID personId, Caller caller) {
        return accessOf(personId, caller).mayRead();
    }

    /** Whether the caller manages the person's care as the DSR (a lead, or the DSR team of the person's area). */
    public boolean managesCareOf(UUID personId, Caller caller) {
        return NeedToKnow.mayManageCareTeam(caller, careTeams.of(merged.current(personId)));
    }

    public boolean personExists(UUID personId) {
        return people.exists(personId);
    }

    /** Whether the caller sees the person only as a referrer in their care team (so not others' free text). */
    public boolean onlyAsReferrer(UUID personId, Caller caller) {
        Instant now = Now.of(clock);
        if (accessOf(personId, caller) != PersonAccess.CARE_TEAM) {
            return false;
        }
        return careTeams.of(merged.current(personId)).members().stream()
                .filter(member -> member.subject().equals(caller.userId()))
                .filter(member -> !member.from().isAfter(now) && (member.to() == null || member.to().isAfter(now)))
                .allMatch(member -> member.role() == CareTeamRole.REFERRER);
    }

    /**
     * Refuses unless the caller manages the person's care as the DSR (a lead, or the DSR team of the person's area):
     * 404 (as {@code what}) when they may not even read the person, 403 when they may read but not manage.
     */
    public void requireManages(UUID personId, Caller caller, String what) {
        if (managesCareOf(personId, caller)) {
            return;
        }
        boolean mayRead = mayAccess(personId, caller);
        auditAttempt(personId, caller, what, mayRead || personExists(personId) ? AuditOutcome.REFUSED
                : AuditOutcome.NOT_FOUND);
        if (mayRead) {
            throw RuleBroken.forbidden("only the DSR team of the person's area or a lead may do this");
        }
        throw RuleBroken.notFound(what);
    }

    /**
     * The person, if the caller may see them; 404 otherwise, and the attempt is on the audit trail (REFUSED, or
     * NOT_FOUND when there is no such person), committed whatever happens to the request.
     */
    public Person personFor(UUID personId, Caller caller) {
        Optional<Person> person = people.byId(personId);
        if (person.isPresent() && mayAccess(personId, caller)) {
            return person.get();
        }
        auditAttempt(personId, caller, "record", person.isPresent() ? AuditOutcome.REFUSED : AuditOutcome.NOT_FOUND);
        throw RuleBroken.notFound("The person");
    }

    /**
     * A refused or not-found attempt (answered 404), committed on its own so that the refusal's rollback keeps it.
     * The purpose is the one the caller stated, if it is one, else NOT_STATED (the endpoint's default is not known
     * here, and a refusal is recorded whatever the caller claimed).
     */
    public void auditAttempt(@Nullable UUID personId, Caller caller, String what, AuditOutcome outcome) {
        Actor actor = Actor.of(caller);
        audit.recordAttempt(personId, actor.id(), actor.roles(), "ACCESS", what, statedPurpose(caller), outcome);
    }

    private static String statedPurpose(Caller caller) {
        String stated = caller.statedPurpose() == null ? "" : caller.statedPurpose().trim();
        return Arrays.stream(AccessPurpose.values()).filter(AccessPurpose::isStatedByCallers)
                .map(AccessPurpose::name).filter(stated::equals).findFirst().orElse("NOT_STATED");
    }

    /** A change of one part of the record, with the values it replaced and wrote (kept in this database only). */
    public void auditChange(UUID personId, Actor actor, String what, AccessPurpose purpose, Instant at,
                            Map<String, ?> before, Map<String, ?> after) {
        audit.recordChange(personId, at, actor.id(), actor.roles(), what, purpose.name(), before, after);
    }

    /**
     * The person, if the caller may change them; 404 when they may not even read them, 403 when they may only read
     * (a break-glass read never changes anything).
     */
    public Person personForChange(UUID personId, Caller caller) {
        Person person = personFor(personId, caller);
        Optional<UUID> survivor = merged.survivorOf(personId);
        if (survivor.isPresent()) {
            // Changes go to the one record: writing to the merged-away row would be lost from every read.
            throw RuleBroken.conflict("person-merged", "Merged into another record", "personId",
                    "this record was merged into person " + survivor.get() + "; change that record instead");
        }
        if (!accessOf(personId, caller).mayChange()) {
            throw RuleBroken.forbidden("a break-glass read does not allow changes to the person's record");
        }
        return person;
    }

    public void audit(UUID personId, Actor actor, AuditAction action, String what, AccessPurpose purpose, Instant at) {
        audit.record(personId, at, actor.id(), actor.roles(), action.name(), what, purpose.name());
    }

    /** One entry of {@link #auditEach}. */
    public record Audited(UUID personId, AuditAction action, String what) {
    }

    /** Several entries by one actor at one moment for one purpose, written together in this order. */
    public void auditEach(List<Audited> entries, Actor actor, AccessPurpose purpose, Instant at) {
        audit.recordEach(entries.stream()
                .map(entry -> new AuditTrail.Note(entry.personId(), entry.action().name(), entry.what()))
                .toList(), at, actor.id(), actor.roles(), purpose.name());
    }

    public void auditAll(Collection<UUID> personIds, Actor actor, AuditAction action, String what,
                         AccessPurpose purpose, Instant at) {
        audit.recordAll(personIds, at, actor.id(), actor.roles(), action.name(), what, purpose.name());
    }
}
