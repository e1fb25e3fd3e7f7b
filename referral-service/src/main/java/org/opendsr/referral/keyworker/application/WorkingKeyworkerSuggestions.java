package org.opendsr.referral.keyworker.application;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.opendsr.kit.access.Caller;
import org.opendsr.kit.access.PersonScope;
import org.opendsr.kit.audit.AuditOutcome;
import org.opendsr.kit.rules.RuleBroken;
import org.opendsr.referral.access.application.RecordAccess;
import org.opendsr.referral.access.domain.AccessPurpose;
import org.opendsr.referral.audit.application.Actor;
import org.opendsr.referral.audit.application.AuditAction;
import org.opendsr.referral.keyworker.domain.KeyworkerSuggestion;
import org.opendsr.referral.shared.application.KeysetPage;
import org.opendsr.referral.shared.application.Now;
import org.opendsr.referral.shared.application.PageRequest;

/**
 * The keyworker-suggestions worklist (issue 15: the keyworker team never saw a suggestion). The children and young
 * people's keyworker service takes referrals only through the DSR, and the DSR's need-to-know model (DESIGN.md,
 * security) has no keyworker-team role: nobody outside the DSR holds the person's record. So the DSR team works the
 * list on the keyworker service's behalf: it refers the person, or records the family's answer when they decline, or
 * why no referral is needed. An item leaves the open list once it has an outcome.
 *
 * <p>Who: the DSR team sees the suggestions about the people it sees (its areas' people, the kit's
 * {@link PersonScope}) and records outcomes for the people whose care it manages as the DSR (its area's); leads every
 * one. Anyone else is refused at the web edge; a suggestion about someone the caller may not see is "not found".
 * Every line shown is audited as listed, every outcome as a change, every refused attempt as refused.
 */
@Singleton
public class WorkingKeyworkerSuggestions {

    static final String NOT_FOUND = "The keyworker suggestion";

    private final KeyworkerSuggestions suggestions;
    private final RecordAccess access;
    private final Clock clock;

    public WorkingKeyworkerSuggestions(KeyworkerSuggestions suggestions, RecordAccess access, Clock clock) {
        this.suggestions = suggestions;
        this.access = access;
        this.clock = clock;
    }

    @Transactional
    public KeysetPage<KeyworkerSuggestions.Line> open(PageRequest page, Caller caller, AccessPurpose purpose) {
        requireDsr(caller);
        Instant now = Now.of(clock);
        KeysetPage<KeyworkerSuggestions.Line> shown = suggestions.open(PersonScope.of(caller, now), page);
        if (!shown.items().isEmpty()) {
            access.auditAll(shown.items().stream().map(KeyworkerSuggestions.Line::personId).toList(),
                    Actor.of(caller), AuditAction.LISTED, "keyworker-suggestions worklist", purpose, now);
        }
        return shown;
    }

    /**
     * Records what became of the suggestion (the family's answer is kept on the suggestion only, never in the
     * audit's words). The same outcome again is answered as before and changes nothing.
     */
    @Transactional
    public KeyworkerSuggestion recordOutcome(UUID suggestionId, KeyworkerSuggestion.Decision decision,
                                             @Nullable String familyAnswer,
                                             @Nullable KeyworkerSuggestion.NotNeededReason notNeededReason,
                                             Caller caller, AccessPurpose purpose) {
        requireDsr(caller);
        Instant now = Now.of(clock);
        KeyworkerSuggestion suggestion = suggestions.lockedById(suggestionId).orElse(null);
        if (suggestion == null) {
            access.auditAttempt(null, caller, "keyworker suggestion " + suggestionId, AuditOutcome.NOT_FOUND);
            throw RuleBroken.notFound(NOT_FOUND);
        }
        access.requireManages(suggestion.personId(), caller, NOT_FOUND);
        KeyworkerSuggestion decided = suggestion.withOutcome(decision, familyAnswer, notNeededReason,
                caller.userId(), now);
        if (decided == suggestion) {
            return suggestion;
        }
        suggestions.saveOutcome(decided);
        access.audit(suggestion.personId(), Actor.of(caller), AuditAction.CHANGED, "keyworker suggestion "
                + suggestionId + " outcome: " + decision + (notNeededReason == null ? "" : " (" + notNeededReason + ")"),
                purpose, now);
        return decided;
    }

    private static void requireDsr(Caller caller) {
        if (!RecordAccess.worksTheRegister(caller)) {
            throw RuleBroken.forbidden("only the DSR team and leads work keyworker suggestions");
        }
    }
}
