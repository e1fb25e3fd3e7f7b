package org.opendsr.reporting.store.domain;

import java.util.List;

/** What one event comes to in the store: facts to append and person attributes to upsert (either may be empty). */
public record Projection(List<Fact> facts, List<PersonAttributes> people) {

    public static final Projection NOTHING = new Projection(List.of(), List.of());

    public Projection {
        facts = List.copyOf(facts);
        people = List.copyOf(people);
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
        return facts.isEmpty() && people.isEmpty();
    }
}
