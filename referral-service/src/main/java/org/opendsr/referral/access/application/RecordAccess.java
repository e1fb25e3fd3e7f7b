package org.opendsr.referral.access.application;

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
import org.opendsr.referral.audit.application.AuditTrail;
import org.opendsr.referral.person.domain.People;
import org.opendsr.referral.person.domain.Person;
import org.opendsr.referral.access.domain.AccessPurpose;
import org.opendsr.referral.audit.application.Actor;
import org.opendsr.referral.audit.application.AuditAction;

/**
 * Need-to-know access (Caldicott principle 4) and the audit trail. The DSR team and leads see everyone; a professional
 * sees the people they referred, are a key professional for, or are responsible for. Anyone else is told the
 * person does not exist, not that they may not see them. Every read and change is audited with its purpose.
 */
@Singleton
public class RecordAccess {

    private final People people;
    private final PersonLinks links;
    private final AuditTrail audit;

    public RecordAccess(People people, PersonLinks links, AuditTrail audit) {
        this.people = people;
        this.links = links;
        this.audit = audit;
    }

    /** The DSR team and leads see everyone on the register (DSR area); professionals only the people linked to them. */
    public static boolean seesEveryone(Caller caller) {
        return caller.hasRole(DsrRoles.DSR_TEAM) || caller.hasRole(DsrRoles.DSR_LEAD);
    }

    public boolean mayAccess(UUID personId, Caller caller) {
        if (seesEveryone(caller)) {
            return true;
        }
        return caller.hasRole(DsrRoles.PROFESSIONAL) && links.isLinked(personId, caller.userId(), caller.email());
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
