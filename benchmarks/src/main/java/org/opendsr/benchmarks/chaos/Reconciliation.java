package org.opendsr.benchmarks.chaos;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What was sent against what the system holds at the end, as counts. Pure arithmetic on the {@link Observations}
 * the run gathered, so it is unit-tested on its own.
 *
 * <ul>
 *   <li><b>lost</b>: something accepted that left no trace where it must be (a 201's referral not in the database, a
 *       valid agency event with no referral or dead-lettered, a published outbox event not on its topic, a referral
 *       whose ReferralReceived never reached the topic, an event a consumer never applied, a bad event not on the
 *       DLT), counted only where the partition it waits on is not stalled;</li>
 *   <li><b>duplicated</b>: an effect applied twice (the report counting more referrals than there are distinct
 *       ReferralReceived events, one agency reference becoming two referrals). Duplicates of an event id on a topic
 *       are allowed (at-least-once publication) and only reported;</li>
 *   <li><b>stalled</b>: consumer partitions whose lag did not reach zero in time, plus outbox rows never
 *       published;</li>
 *   <li><b>unexpected 5xx</b>: server errors not excused by a fault (see {@link FaultWindow}).</li>
 * </ul>
 */
final class Reconciliation {

    /** A record this run published on the agency topic, and where the broker put it. */
    record Sent(String kind, String eventId, String agencyReference, int partition, long offset) {
    }

    /**
     * What the run saw at the end.
     *
     * @param acceptedReferralIds   referral ids of the POSTs answered 201
     * @param validAgencyEvents     valid agency referrals the broker acknowledged
     * @param badAgencyEvents       bad agency events the broker acknowledged (the poison one included)
     * @param referralIds           every referral in referral-service's database
     * @param referralsByAgencyRef  referrals per agency reference in referral-service's database
     * @param unpublishedOutboxRows per service: outbox rows not published (parked ones included)
     * @param publishedOutboxIds    per topic: event ids of outbox rows marked published (rows still kept)
     * @param eventIdsOnTopics      per topic: event id -> how many records carry it
     * @param referralsReceived     referral id -> event id of each ReferralReceived on dsr.referral.events
     * @param appliedBy             per consumer group: event ids in its processed_event table
     * @param reportTotal           the sum of reporting-service's referral counts
     * @param consentOpenReferrals  referral ids consent-service knows as open
     * @param deadLettered          "partition:offset" of each agency-topic record on the DLT -> its reason
     * @param lagging               "topic-partition" (with its group) -> lag, for partitions whose lag never reached 0
     * @param agencyCommitted       the agency consumer's committed offset per partition
     * @param unexpected5xx         server errors no fault excused, described
     */
    record Observations(Set<String> acceptedReferralIds, List<Sent> validAgencyEvents, List<Sent> badAgencyEvents,
                        Set<String> referralIds, Map<String, Integer> referralsByAgencyRef,
                        Map<String, Long> unpublishedOutboxRows, Map<String, Set<String>> publishedOutboxIds,
                        Map<String, Map<String, Integer>> eventIdsOnTopics, Map<String, String> referralsReceived,
                        Map<String, Set<String>> appliedBy, long reportTotal, Set<String> consentOpenReferrals,
                        Map<String, String> deadLettered, Map<String, Long> lagging,
                        Map<Integer, Long> agencyCommitted, List<String> unexpected5xx) {
    }

    /** The counts, and up to a few examples of each, so a failing run says where to look. */
    record Result(long lost, long duplicated, long stalled, long unexpected5xx, long duplicatesOnTopics,
                  Map<String, List<String>> examples) {

        boolean clean() {
            return lost == 0 && duplicated == 0 && stalled == 0 && unexpected5xx == 0;
        }
    }

    static final String REPORTING = "reporting-service";
    static final String CONSENT = "consent-service";
    static final String AGENCY_GROUP = "referral-service.agency-inbound";
    private static final int EXAMPLES = 5;

    private final Observations seen;
    private final Map<String, List<String>> examples = new LinkedHashMap<>();
    private long lost;
    private long duplicated;

    private Reconciliation(Observations seen) {
        this.seen = seen;
    }

    static Result of(Observations seen) {
        return new Reconciliation(seen).reconcile();
    }

    private Result reconcile() {
        boolean agencyStalls = seen.lagging().keySet().stream().anyMatch(key -> key.contains(AgencyEvents.TOPIC + "-"));
        for (String id : seen.acceptedReferralIds()) {
            if (!seen.referralIds().contains(id)) {
                lost("lost: referral answered 201 but not in the database", id);
            }
        }
        for (Sent event : seen.validAgencyEvents()) {
            if (seen.deadLettered().containsKey(event.partition() + ":" + event.offset())) {
                lost("lost: valid agency event dead-lettered", event.eventId() + " ("
                        + seen.deadLettered().get(event.partition() + ":" + event.offset()) + ")");
            } else if (seen.referralsByAgencyRef().getOrDefault(event.agencyReference(), 0) == 0 && !waiting(event)) {
                lost("lost: valid agency event made no referral", event.agencyReference());
            }
        }
        for (Sent event : seen.badAgencyEvents()) {
            String reason = seen.deadLettered().get(event.partition() + ":" + event.offset());
            if ((reason == null || reason.isBlank()) && !waiting(event)) {
                lost("lost: bad agency event not on the DLT with a reason (taken as valid, or dropped)", event.kind() + " at "
                        + event.partition() + ":" + event.offset());
            }
        }
        seen.publishedOutboxIds().forEach((topic, ids) -> {
            Map<String, Integer> onTopic = seen.eventIdsOnTopics().getOrDefault(topic, Map.of());
            ids.stream().filter(id -> !onTopic.containsKey(id))
                    .forEach(id -> lost("lost: outbox event marked published but not on " + topic, id));
        });
        long unpublishedReferralEvents = seen.unpublishedOutboxRows().getOrDefault("referral-service", 0L);
        if (unpublishedReferralEvents == 0) {
            seen.referralIds().stream().filter(id -> !seen.referralsReceived().containsKey(id))
                    .forEach(id -> lost("lost: referral whose ReferralReceived is not on the topic", id));
        }
        consumerApplied(REPORTING);
        consumerApplied(CONSENT);
        if (!lagging(REPORTING)) {
            long distinct = seen.referralsReceived().size();
            if (seen.reportTotal() > distinct) {
                duplicated += seen.reportTotal() - distinct;
                example("duplicated: the report counts more referrals than distinct ReferralReceived events",
                        seen.reportTotal() + " counted, " + distinct + " distinct");
            } else if (seen.reportTotal() < distinct) {
                lost("lost: the report counts fewer referrals than distinct ReferralReceived events",
                        seen.reportTotal() + " counted, " + distinct + " distinct");
                lost += distinct - seen.reportTotal() - 1;
            }
        }
        if (!lagging(CONSENT)) {
            seen.referralsReceived().keySet().stream().filter(id -> !seen.consentOpenReferrals().contains(id))
                    .forEach(id -> lost("lost: consent-service does not know a received referral", id));
        }
        seen.referralsByAgencyRef().forEach((reference, count) -> {
            if (count > 1) {
                duplicated += count - 1;
                example("duplicated: one agency reference became several referrals", reference + " x" + count);
            }
        });

        long stalled = seen.lagging().values().stream().filter(lag -> lag > 0).count();
        seen.lagging().forEach((partition, lag) -> example("stalled: partition whose lag never reached 0",
                partition + " lag " + lag));
        long unpublished = seen.unpublishedOutboxRows().values().stream().mapToLong(Long::longValue).sum();
        stalled += unpublished;
        seen.unpublishedOutboxRows().forEach((service, rows) -> {
            if (rows > 0) {
                example("stalled: outbox rows never published", service + ": " + rows);
            }
        });
        seen.unexpected5xx().forEach(answer -> example("unexpected 5xx", answer));

        long duplicatesOnTopics = 0;
        for (Map<String, Integer> ids : seen.eventIdsOnTopics().values()) {
            for (int count : ids.values()) {
                duplicatesOnTopics += count - 1;
            }
        }
        if (agencyStalls) {
            example("note", "the agency topic stalled: events waiting behind the stall are counted as stalled, "
                    + "not lost");
        }
        return new Result(lost, duplicated, stalled, seen.unexpected5xx().size(), duplicatesOnTopics, examples);
    }

    /** Each ReferralReceived on the topic must be in the consumer's processed events (unless it is stalled). */
    private void consumerApplied(String group) {
        if (lagging(group)) {
            return;
        }
        Set<String> applied = seen.appliedBy().getOrDefault(group, Set.of());
        seen.referralsReceived().values().stream().filter(eventId -> !applied.contains(eventId))
                .forEach(eventId -> lost("lost: " + group + " never applied a ReferralReceived", eventId));
    }

    /** True when the agency consumer has not got this far on the event's partition: it waits, it is not lost. */
    private boolean waiting(Sent event) {
        Long committed = seen.agencyCommitted().get(event.partition());
        return committed == null || committed <= event.offset();
    }

    private boolean lagging(String group) {
        return seen.lagging().keySet().stream().anyMatch(key -> key.startsWith(group + " "));
    }

    private void lost(String what, String example) {
        lost++;
        example(what, example);
    }

    private void example(String what, String example) {
        List<String> list = examples.computeIfAbsent(what, key -> new ArrayList<>());
        if (list.size() < EXAMPLES) {
            list.add(example);
        }
    }
}
