package org.opendsr.reporting.store.domain;

import java.util.List;

/**
 * What one event comes to in the store: facts to append, person attributes to upsert, and changes to whom facts belong
 * (a merge, an erasure), applied after them (any may be empty).
 */
public record Projection(List<Fact> facts, List<PersonAttributes> people, List<PersonChange> changes) {

    public static final Projection NOTHING = new Projection(List.of(), List.of());

    public Projection {
        facts = List.copyOf(facts);
        people = List.copyOf(people);
        changes = List.copyOf(changes);
    }

    public Projection(List<Fact> facts, List<PersonAttributes> people) {
        this(facts, people, List.of());
    }

    public static Projection of(PersonChange change) {
        return new Projection(List.of(), List.of(), List.of(change));
    }

    /** Whether it erases someone (its event is then confirmed once, by the live listener, never by a rebuild). */
    public boolean erases() {
        return changes.stream().anyMatch(PersonChange.Erased.class::isInstance);
    }

    public static Projection of(Fact fact) {
        return new Projection(List.of(fact), List.of());
    }

    public static Projection of(Fact fact, PersonAttributes person) {
        return new Projection(List.of(fact), List.of(person));
    }

    public static Projection of(PersonAttributes person) {
        return new Projection(List.of(), List.of(person));
    }

    public boolean isEmpty() {
        return facts.isEmpty() && people.isEmpty() && changes.isEmpty();
    }
}
