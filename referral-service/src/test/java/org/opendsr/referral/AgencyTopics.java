package org.opendsr.referral;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.opendsr.contracts.Topics;
import org.opendsr.testkit.RealKafka;

/**
 * The agency topics of the tests, created before referral-service starts: it subscribes to them by pattern, and a
 * pattern consumer only notices a topic created later at its next metadata refresh (minutes), whereas in a cluster
 * every agency's topic is a KafkaTopic that exists before the agency is registered.
 */
final class AgencyTopics {

    /** The demo agency, whose golden samples say {@code source: /agency/wiltshire-council}. */
    static final String WILTSHIRE_COUNCIL = "wiltshire-council";
    /** A second registered agency: it may not speak for Wiltshire Council, nor touch Wiltshire's people. */
    static final String SWINDON_BOROUGH_COUNCIL = "swindon-borough-council";
    /** A topic that looks like an agency's but whose agency is not registered with referral-service. */
    static final String UNREGISTERED = "unregistered-agency";

    static final String REGISTERED = WILTSHIRE_COUNCIL + "," + SWINDON_BOROUGH_COUNCIL;

    private static volatile boolean created;

    private AgencyTopics() {
    }

    static synchronized void createOnce() {
        if (created) {
            return;
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                RealKafka.get().bootstrapServers()))) {
            // reporting-service's topic (issue 16): referral-service reads erasure confirmations from it, and in a
            // test run nothing else may have written to it (so created it) before referral-service subscribes.
            create(admin, Topics.REPORTING_EVENTS);
            for (String agency : List.of(WILTSHIRE_COUNCIL, SWINDON_BOROUGH_COUNCIL, UNREGISTERED)) {
                for (String topic : Set.of(Topics.agencyInbound(agency), Topics.deadLetterTopicOf(Topics.agencyInbound(agency)))) {
                    try {
                        admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get(30, TimeUnit.SECONDS);
                    } catch (ExecutionException e) {
                        if (!(e.getCause() instanceof TopicExistsException)) {
                            throw new IllegalStateException("could not create " + topic, e);
                        }
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("the broker did not create the agency topics in time", e);
        }
        created = true;
    }

    private static void create(Admin admin, String topic) throws InterruptedException,
            java.util.concurrent.TimeoutException {
        try {
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("could not create " + topic, e);
            }
        }
    }
}
