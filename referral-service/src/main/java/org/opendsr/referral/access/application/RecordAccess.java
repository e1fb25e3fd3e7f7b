package org.opendsr.referral.access.application;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Singleton;
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

    /** The person, if the caller may see them; 404 otherwise. */
    public Person personFor(UUID personId, Caller caller) {
        return people.byId(personId)
                .filter(person -> mayAccess(person.id(), caller))
                .orElseThrow(() -> RuleBroken.notFound("The person"));
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
