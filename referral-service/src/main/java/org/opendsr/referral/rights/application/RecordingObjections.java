package org.opendsr.referral.rights.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.opendsr.kit.access.Caller;
import org.opendsr.kit.rules.RuleBroken;
import org.opendsr.referral.access.application.RecordAccess;
import org.opendsr.referral.access.domain.AccessPurpose;
import org.opendsr.referral.audit.application.Actor;
import org.opendsr.referral.audit.application.AuditAction;
import org.opendsr.referral.rights.domain.Objection;
import org.opendsr.referral.rights.domain.ObjectionDecision;
import org.opendsr.referral.rights.domain.ObjectionGround;
import org.opendsr.referral.shared.application.Now;

/**
 * The record of a person's objections to processing (UK GDPR Article 21) and the DSR's decisions on them, kept by the
 * DSR team of the person's area or a lead (the same people who may restrict processing while one is considered).
 * Each read and change is audited.
 */
@Singleton
public class RecordingObjections {

    private final Objections objections;
    private final Merges merges;
    private final RecordAccess access;
    private final Clock clock;

    public RecordingObjections(Objections objections, Merges merges, RecordAccess access, Clock clock) {
        this.objections = objections;
        this.merges = merges;
        this.access = access;
        this.clock = clock;
    }

    @Transactional
    public Objection record(UUID personId, LocalDate receivedOn, ObjectionGround objectsTo, String details,
                            ObjectionDecision decision, Caller caller, AccessPurpose purpose) {
        UUID id = merges.survivorOf(personId).orElse(personId);
        requireManages(id, caller);
        Instant now = Now.of(clock);
        Objection objection = Objection.received(id, receivedOn, objectsTo, details, decision, caller.userId(), now,
                LocalDate.now(clock));
        objections.add(objection);
        access.auditChange(id, Actor.of(caller), "objection " + objection.id(), purpose, now, Map.of(),
                audited(objection));
        return objection;
    }

    @Transactional
    public Objection decide(UUID personId, UUID objectionId, ObjectionDecision decision, Caller caller,
                            AccessPurpose purpose) {
        UUID id = merges.survivorOf(personId).orElse(personId);
        requireManages(id, caller);
        Objection held = objections.byId(objectionId).filter(found -> found.personId().equals(id))
                .orElseThrow(() -> RuleBroken.notFound("The objection"));
        Instant now = Now.of(clock);
        Objection decided = held.decided(decision, caller.userId(), now);
        objections.decide(decided);
        access.auditChange(id, Actor.of(caller), "objection " + objectionId, purpose, now, audited(held),
                audited(decided));
        return decided;
    }

    @Transactional
    public List<Objection> of(UUID personId, Caller caller, AccessPurpose purpose) {
        UUID id = merges.survivorOf(personId).orElse(personId);
        requireManages(id, caller);
        access.audit(id, Actor.of(caller), AuditAction.READ, "objections", purpose, Now.of(clock));
        return objections.ofPerson(id);
    }

    private static Map<String, Object> audited(Objection objection) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("receivedOn", objection.receivedOn().toString());
        values.put("objectsTo", objection.objectsTo().name());
        values.put("details", objection.details());
        values.put("decision", objection.decision() == null ? null : objection.decision().name());
        return values;
    }

    /** 404 for someone the caller may not read or who does not exist, 403 for a reader who does not manage them. */
    private void requireManages(UUID id, Caller caller) {
        access.personFor(id, caller);
        access.requireManages(id, caller, "The person");
    }
}
