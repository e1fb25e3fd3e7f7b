package org.opendsr.referral.keyworker.application;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import org.opendsr.kit.access.PersonScope;
import org.opendsr.referral.keyworker.domain.KeyworkerSuggestion;
import org.opendsr.referral.shared.application.KeysetPage;
import org.opendsr.referral.shared.application.PageRequest;

/** The keyworker referrals suggested, and their outcomes (the suggestions themselves are recorded as milestones). */
public interface KeyworkerSuggestions {

    /** One open suggestion on the worklist: who (as the other worklists show them), why and since when. */
    record Line(UUID suggestionId, UUID personId, String givenName, String familyName, @Nullable String locality,
                String reason, Instant suggestedAt) {
        @Override
        public String toString() {
            return "KeyworkerSuggestions.Line[suggestionId=" + suggestionId + ", personal data redacted]";
        }
    }

    /** Open suggestions about the people the scope reaches, oldest first (keyset paging). */
    KeysetPage<Line> open(PersonScope scope, PageRequest page);

    /** The suggestion, locked for a change until the transaction ends. */
    Optional<KeyworkerSuggestion> lockedById(UUID suggestionId);

    /** Saves the suggestion's outcome. */
    void saveOutcome(KeyworkerSuggestion suggestion);
}
