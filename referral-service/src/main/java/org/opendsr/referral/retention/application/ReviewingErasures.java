package org.opendsr.referral.retention.application;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.opendsr.contracts.lifecycle.ErasureGrounds;
import org.opendsr.referral.retention.domain.Article17Ground;

/**
 * The lead's "erasure complete" view: each erasure, the services expected to confirm it
 * ({@code dsr.retention.expected-confirmations}), which did, when and with how many records, and whether all have.
 * Tombstones and confirmations hold no personal data, so reading them is not a read of anyone's record.
 */
@Singleton
public class ReviewingErasures {

    @Serdeable
    public record ServiceConfirmation(String service, long recordsErased, Instant erasedAt, Instant receivedAt) {
    }

    // Every field always, empty lists and nulls too: "waitingFor: []" is the answer a lead looks for.
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record ErasureState(UUID personId, ErasureGrounds grounds, Article17Ground requestGround, Instant erasedAt,
                               String erasedBy, long rowsErased, List<String> expected,
                               List<ServiceConfirmation> confirmations, List<String> waitingFor, boolean complete) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record ErasuresPage(List<ErasureState> erasures, long total, String next) {
    }

    private final Erasures erasures;
    private final List<String> expected;

    public ReviewingErasures(Erasures erasures, RetentionSettings settings) {
        this.erasures = erasures;
        this.expected = settings.getExpectedConfirmations();
    }

    @Transactional
    public ErasuresPage newest(Instant beforeErasedAt, UUID beforePersonId, int limit) {
        List<Erasures.Erasure> page = erasures.newest(beforeErasedAt, beforePersonId, limit + 1);
        boolean more = page.size() > limit;
        List<Erasures.Erasure> shown = more ? page.subList(0, limit) : page;
        Map<UUID, List<Erasures.Confirmation>> confirmations = erasures.confirmationsOf(
                        shown.stream().map(Erasures.Erasure::personId).toList()).stream()
                .collect(Collectors.groupingBy(Erasures.Confirmation::personId));
        List<ErasureState> states = shown.stream()
                .map(erasure -> stateOf(erasure, confirmations.getOrDefault(erasure.personId(), List.of())))
                .toList();
        String next = more ? shown.get(shown.size() - 1).erasedAt() + "_" + shown.get(shown.size() - 1).personId()
                : null;
        return new ErasuresPage(states, erasures.count(), next);
    }

    @Transactional
    public Optional<ErasureState> of(UUID personId) {
        return erasures.of(personId).map(erasure -> stateOf(erasure, erasures.confirmationsOf(List.of(personId))));
    }

    private ErasureState stateOf(Erasures.Erasure erasure, List<Erasures.Confirmation> received) {
        List<ServiceConfirmation> confirmations = received.stream()
                .map(c -> new ServiceConfirmation(c.service(), c.recordsErased(), c.erasedAt(), c.receivedAt()))
                .toList();
        List<String> waitingFor = expected.stream()
                .filter(service -> received.stream().noneMatch(c -> c.service().equals(service)))
                .toList();
        return new ErasureState(erasure.personId(), erasure.grounds(), erasure.requestGround(), erasure.erasedAt(),
                erasure.erasedBy(), erasure.rowsErased(), expected, confirmations, waitingFor, waitingFor.isEmpty());
    }
}
