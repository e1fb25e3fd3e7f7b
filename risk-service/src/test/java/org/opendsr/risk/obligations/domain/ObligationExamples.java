package org.opendsr.risk.obligations.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.opendsr.contracts.common.LifeStage;
import org.opendsr.contracts.common.RagRating;
import org.opendsr.contracts.risk.ObligationKind;
import org.opendsr.risk.shared.domain.InpatientSetting;

/** A person on the register and the rating moves that happen to them, for the obligation policy's tests. */
final class ObligationExamples {

    static final ZoneId ENGLAND = ZoneId.of("Europe/London");
    final ObligationPolicy policy = new ObligationPolicy(ObligationTimescales.nhsEnglandDefaults());
    final UUID personId = UUID.randomUUID();
    final List<Obligation> history = new ArrayList<>();
    LifeStage lifeStage = LifeStage.ADULT;
    boolean under25 = false;
    InpatientSetting setting = null;
    RagRating current = null;

    static LocalDate day(String text) {
        return LocalDate.parse(text);
    }

    static Instant noonOn(LocalDate day) {
        return day.atTime(12, 0).atZone(ENGLAND).toInstant();
    }

    ObligationExamples child() {
        lifeStage = LifeStage.CHILD;
        under25 = true;
        return this;
    }

    ObligationExamples youngAdult() {
        lifeStage = LifeStage.ADULT;
        under25 = true;
        return this;
    }

    ObligationExamples inSecureSetting() {
        setting = InpatientSetting.SECURE;
        return this;
    }

    /** The rating moves on that day for that cause; returns what it obliged and keeps the new ones in the history. */
    List<ObligationChange> rated(RagRating rating, OpeningCause cause, String on) {
        RatingMove move = new RatingMove(personId, rating, current, noonOn(day(on)), day(on), cause, lifeStage,
                under25, setting);
        current = rating;
        return remember(policy.follow(move, List.copyOf(history)));
    }

    List<ObligationChange> decided(RagRating rating, String on) {
        return rated(rating, OpeningCause.DECIDED, on);
    }

    List<ObligationChange> accepted(RagRating indicative, String on) {
        return rated(indicative, OpeningCause.INDICATIVE_AT_ACCEPTANCE, on);
    }

    List<ObligationChange> admitted(String on) {
        return rated(RagRating.BLUE, OpeningCause.ADMISSION, on);
    }

    List<ObligationChange> discharged(String on) {
        return rated(RagRating.RED, OpeningCause.DISCHARGE, on);
    }

    List<ObligationChange> settingRecorded(InpatientSetting where, String on) {
        setting = where;
        return rated(current, OpeningCause.INPATIENT_SETTING_RECORDED, on);
    }

    List<ObligationChange> leftRegister(String on) {
        current = null;
        return policy.leftRegister(history, noonOn(day(on)), day(on));
    }

    /** Done on that day; returns the changes with the next one it opens, if any. */
    List<ObligationChange> completed(ObligationKind kind, String on) {
        Obligation obligation = open(kind);
        ObligationChange.Closed closed = obligation.complete(Completion.on(day(on)), day(on), noonOn(day(on)), "dsr-team");
        List<ObligationChange> changes = new ArrayList<>(List.of(closed));
        policy.nextAfter(closed, now(), noonOn(day(on)), day(on)).ifPresent(changes::add);
        return remember(changes);
    }

    List<ObligationChange> notNeeded(ObligationKind kind, String reason, String on) {
        Obligation obligation = open(kind);
        ObligationChange.Closed closed = obligation.notNeeded(reason, day(on), noonOn(day(on)), "dsr-team");
        List<ObligationChange> changes = new ArrayList<>(List.of(closed));
        policy.nextAfter(closed, now(), noonOn(day(on)), day(on)).ifPresent(changes::add);
        return remember(changes);
    }

    PersonNow now() {
        return new PersonNow(current, lifeStage, setting);
    }

    Obligation open(ObligationKind kind) {
        return history.stream().filter(o -> o.kind() == kind && o.isOpen()).findFirst()
                .orElseThrow(() -> new AssertionError("no open " + kind));
    }

    List<Obligation> openOnes() {
        return history.stream().filter(Obligation::isOpen).toList();
    }

    List<ObligationKind> openKinds() {
        return openOnes().stream().map(Obligation::kind).sorted().toList();
    }

    long count(ObligationKind kind) {
        return history.stream().filter(o -> o.kind() == kind).count();
    }

    private List<ObligationChange> remember(List<ObligationChange> changes) {
        for (ObligationChange change : changes) {
            if (change instanceof ObligationChange.Opened opened) {
                history.add(opened.obligation());
            }
        }
        return changes;
    }

    static List<ObligationKind> openedKinds(List<ObligationChange> changes) {
        return changes.stream().filter(ObligationChange.Opened.class::isInstance)
                .map(c -> c.obligation().kind()).sorted().toList();
    }
}
