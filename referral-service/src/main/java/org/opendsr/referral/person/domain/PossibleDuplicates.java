package org.opendsr.referral.person.domain;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

/**
 * One person per NHS number: a referral with a known NHS number links to that person. Without a shared NHS number
 * the DSR cannot be sure, so people with the same name and date of birth and no NHS number, or different ones, are
 * flagged for the DSR team to decide; they are never merged silently (a wrong merge mixes two people's records).
 */
public final class PossibleDuplicates {

    private PossibleDuplicates() {
    }

    /** What the rule compares. Never printed with its data. */
    public record Candidate(UUID personId, String givenName, String familyName, LocalDate dateOfBirth, String nhsNumber) {

        @Override
        public String toString() {
            return "Candidate[personId=" + personId + ", personal data redacted]";
        }
    }

    /** The people already known whom the newcomer may be. */
    public static List<UUID> of(Candidate newcomer, Collection<Candidate> known) {
        return known.stream()
                .filter(other -> !other.personId().equals(newcomer.personId()))
                .filter(other -> likelyTheSamePerson(newcomer, other))
                .map(Candidate::personId)
                .toList();
    }

    public static boolean likelyTheSamePerson(Candidate a, Candidate b) {
        if (a.dateOfBirth() == null || !a.dateOfBirth().equals(b.dateOfBirth())) {
            return false;
        }
        if (!sameName(a.givenName(), b.givenName()) || !sameName(a.familyName(), b.familyName())) {
            return false;
        }
        // The same NHS number is the same person (linked, not flagged); different ones may hide a typing error.
        return a.nhsNumber() == null || b.nhsNumber() == null || !Objects.equals(a.nhsNumber(), b.nhsNumber());
    }

    /** Names as people type them: case, accents, spaces, hyphens and apostrophes do not tell people apart. */
    static boolean sameName(String a, String b) {
        return a != null && b != null && comparable(a).equals(comparable(b)) && !comparable(a).isEmpty();
    }

    static String comparable(String name) {
        String withoutAccents = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return withoutAccents.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
    }
}
