package org.opendsr.benchmarks.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The reconciliation's arithmetic: each kind of loss, double application and stall counts, and nothing else does. */
class ReconciliationTest {

    private static final String TOPIC = "dsr.referral.events";

    /** A run in which everything arrived: two HTTP referrals, one agency referral, one bad event dead-lettered. */
    private static Map<String, Object> clean() {
        Map<String, Object> run = new HashMap<>();
        run.put("accepted", Set.of("r1", "r2"));
        run.put("valid", List.of(new Reconciliation.Sent("valid", "e-a", "REF-A", 0, 10)));
        run.put("bad", List.of(new Reconciliation.Sent("not JSON", null, null, 1, 4)));
        run.put("referrals", Set.of("r1", "r2", "r3"));
        run.put("byRef", Map.of("REF-A", 1));
        run.put("unpublished", Map.of("referral-service", 0L));
        run.put("published", Map.of(TOPIC, Set.of("e1", "e2", "e3")));
        run.put("onTopics", Map.of(TOPIC, Map.of("e1", 1, "e2", 2, "e3", 1)));
        run.put("received", Map.of("r1", "e1", "r2", "e2", "r3", "e3"));
        run.put("applied", Map.of("reporting-service", Set.of("e1", "e2", "e3"),
                "consent-service", Set.of("e1", "e2", "e3")));
        run.put("reportTotal", 3L);
        run.put("consentOpen", Set.of("r1", "r2", "r3"));
        run.put("dlt", Map.of("1:4", "not a CloudEvent"));
        run.put("lagging", Map.of());
        run.put("committed", Map.of(0, 11L, 1, 5L));
        run.put("5xx", List.of());
        return run;
    }

    @SuppressWarnings("unchecked")
    private static Reconciliation.Result reconcile(Map<String, Object> run) {
        return Reconciliation.of(new Reconciliation.Observations(
                (Set<String>) run.get("accepted"), (List<Reconciliation.Sent>) run.get("valid"),
                (List<Reconciliation.Sent>) run.get("bad"), (Set<String>) run.get("referrals"),
                (Map<String, Integer>) run.get("byRef"), (Map<String, Long>) run.get("unpublished"),
                (Map<String, Set<String>>) run.get("published"), (Map<String, Map<String, Integer>>) run.get("onTopics"),
                (Map<String, String>) run.get("received"), (Map<String, Set<String>>) run.get("applied"),
                (Long) run.get("reportTotal"), (Set<String>) run.get("consentOpen"),
                (Map<String, String>) run.get("dlt"), (Map<String, Long>) run.get("lagging"),
                (Map<Integer, Long>) run.get("committed"), (List<String>) run.get("5xx")));
    }

    @Test
    void aCleanRunCountsNothingButReportsDuplicatesOnATopic() {
        Reconciliation.Result result = reconcile(clean());

        assertThat(result.clean()).isTrue();
        assertThat(result.duplicatesOnTopics()).as("e2 twice on the topic: allowed, reported").isOne();
        assertThat(result.examples()).isEmpty();
    }

    @Test
    void aReferralAnswered201ThatIsNotInTheDatabaseIsLost() {
        Map<String, Object> run = clean();
        run.put("accepted", Set.of("r1", "r2", "r9"));

        Reconciliation.Result result = reconcile(run);

        assertThat(result.lost()).isOne();
        assertThat(result.examples()).containsKey("lost: referral answered 201 but not in the database");
    }

    @Test
    void theReportCountingAnEventTwiceIsADuplicateApplication() {
        Map<String, Object> run = clean();
        run.put("reportTotal", 5L);

        Reconciliation.Result result = reconcile(run);

        assertThat(result.duplicated()).isEqualTo(2);
        assertThat(result.lost()).isZero();
    }

    @Test
    void theReportCountingTooFewIsLossOfEachMissingOne() {
        Map<String, Object> run = clean();
        run.put("reportTotal", 1L);

        assertThat(reconcile(run).lost()).isEqualTo(2);
    }

    @Test
    void oneAgencyReferenceBecomingTwoReferralsIsADuplicate() {
        Map<String, Object> run = clean();
        run.put("byRef", Map.of("REF-A", 3));

        assertThat(reconcile(run).duplicated()).isEqualTo(2);
    }

    @Test
    void aBadEventMissingFromTheDltIsLostUnlessItsPartitionHasNotGotThatFar() {
        Map<String, Object> run = clean();
        run.put("dlt", Map.of());
        assertThat(reconcile(run).lost()).isOne();

        run.put("committed", Map.of(0, 11L, 1, 4L));
        run.put("lagging", Map.of("referral-service.agency-inbound dsr.agency.inbound.wiltshire-council-1", 7L));
        Reconciliation.Result stalled = reconcile(run);
        assertThat(stalled.lost()).as("it waits behind a stall").isZero();
        assertThat(stalled.stalled()).isOne();
    }

    @Test
    void aValidEventOnTheDltIsLostAndOneThatMadeNoReferralToo() {
        Map<String, Object> run = clean();
        run.put("dlt", Map.of("1:4", "bad", "0:10", "schema"));
        assertThat(reconcile(run).lost()).isOne();

        run = clean();
        run.put("byRef", Map.of());
        assertThat(reconcile(run).lost()).isOne();
    }

    @Test
    void anOutboxEventMarkedPublishedButNotOnItsTopicIsLost() {
        Map<String, Object> run = clean();
        run.put("published", Map.of(TOPIC, Set.of("e1", "e2", "e3", "e4")));

        assertThat(reconcile(run).lost()).isOne();
    }

    @Test
    void unpublishedOutboxRowsAndLaggingPartitionsAreStalls() {
        Map<String, Object> run = clean();
        run.put("unpublished", Map.of("referral-service", 0L, "consent-service", 2L));
        run.put("lagging", Map.of("reporting-service dsr.referral.events-0", 4L));

        Reconciliation.Result result = reconcile(run);

        assertThat(result.stalled()).isEqualTo(3);
        assertThat(result.lost()).isZero();
    }

    @Test
    void aConsumerThatNeverAppliedAnEventLostIt() {
        Map<String, Object> run = clean();
        run.put("applied", Map.of("reporting-service", Set.of("e1", "e2", "e3"), "consent-service", Set.of("e1")));
        run.put("consentOpen", Set.of("r1"));

        assertThat(reconcile(run).lost()).isEqualTo(4);
    }

    @Test
    void unexpectedServerErrorsAreCounted() {
        Map<String, Object> run = clean();
        run.put("5xx", List.of("fuzz POST answered 500 (no fault)"));

        Reconciliation.Result result = reconcile(run);

        assertThat(result.unexpected5xx()).isOne();
        assertThat(result.clean()).isFalse();
    }
}
