package org.opendsr.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opendsr.contracts.EventTypes;
import org.opendsr.kit.security.DsrRoles;
import org.opendsr.referral.notifications.application.CheckingDeliveries;
import org.opendsr.testkit.TestTokens;

/**
 * Delivery receipts through the real database: a message the provider delivered is recorded DELIVERED with its time,
 * one it could not deliver goes to the DSR team's failed-notifications worklist with the provider's reason. The local
 * mailbox is the provider here: a message written to it is delivered, one missing from it is not. The checks are
 * driven by hand (the schedule is set to wait an hour), each made due by moving its time.
 */
@MicronautTest(transactional = false)
class DeliveryReceiptsApiTest extends NotifierUnderTest {

    private static final String REFERRER = "sam.patel@swindon-cldt.example";

    @Inject
    CheckingDeliveries checking;

    private String referrer;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = super.getProperties();
        properties.put("dsr.notifications.check-every", "1h");
        properties.put("dsr.notifications.first-delivery-check-after", "1h");
        return properties;
    }

    @BeforeAll
    void signIn() {
        referrer = TestTokens.get().tokenFor(REFERRER, DsrRoles.PROFESSIONAL);
    }

    /** A child on the register whose parent is sent a consent reminder: the message, once sent. */
    private String aSentReminder() {
        Journeys.OnRegister onRegister = journeys.putOnRegister(referrer, ReferralRequests.aReferralOfSomeoneNew()
                .with("contacts", List.of(Map.of("relationship", "PARENT_OR_CARER", "name", "Hester Quince",
                        "email", "hester.quince@example.org", "hasParentalResponsibility", true))));
        String consentId = journeys.recordConsent(onRegister.personId(), "RENEWAL_DUE");
        ObjectNode reminder = EventsOnTopics.goldenSample(EventTypes.CONSENT_REMINDER_DUE_V1,
                data -> data.put("consentId", consentId));
        String eventId = UUID.randomUUID().toString();
        reminder.put("id", eventId);
        events.publishConsentEvent(reminder, onRegister.personId());
        database.awaitHandled("referral-service.notifications", eventId);
        String sql = "SELECT id FROM notification WHERE source_event_id = ? AND recipient = 'REPRESENTATIVE'"
                + " AND status = 'SENT'";
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() ->
                !database.column(sql, eventId).isEmpty());
        String notificationId = database.column(sql, eventId).get(0);
        assertThat(database.count("SELECT count(*) FROM notification WHERE id = ?::uuid"
                + " AND next_delivery_check_at > now() + interval '50 minutes'", notificationId)).isEqualTo(1);
        return notificationId;
    }

    private void checkDueNow(String notificationId) {
        database.update("UPDATE notification SET next_delivery_check_at = now() - interval '1 second'"
                + " WHERE id = ?::uuid", notificationId);
        assertThat(checking.checkDue()).isPositive();
    }

    @Test
    void aDeliveredMessageIsRecordedDeliveredAndAskedAboutNoMore() {
        String notificationId = aSentReminder();

        checkDueNow(notificationId);

        assertThat(database.column("SELECT status || ' ' || delivery_status || ' ' || delivery_checks"
                + " || ' ' || (next_delivery_check_at IS NULL) || ' ' || (delivered_at = m.sent_at)"
                + " FROM notification n JOIN local_mailbox m ON m.notification_id = n.id WHERE n.id = ?::uuid",
                notificationId)).containsExactly("DELIVERED delivered 1 true true");
    }

    @Test
    void anUndeliveredMessageIsOnTheWorklistWithTheReason() {
        String notificationId = aSentReminder();
        // As if the provider lost it: the mailbox no longer holds it.
        database.update("DELETE FROM local_mailbox WHERE notification_id = ?::uuid", notificationId);

        checkDueNow(notificationId);

        assertThat(database.column("SELECT status || ' ' || failure_reason FROM notification WHERE id = ?::uuid",
                notificationId)).containsExactly("FAILED_PERMANENT LOCAL_MAILBOX_MESSAGE_MISSING");
        JsonNode line = null;
        for (JsonNode item : api.get("/worklists/notifications/failed?limit=100", journeys.dsrTeam()).json()
                .get("items")) {
            if (notificationId.equals(item.get("notificationId").asText())) {
                line = item;
            }
        }
        assertThat(line).isNotNull();
        assertThat(line.get("failureReason").asText()).isEqualTo("LOCAL_MAILBOX_MESSAGE_MISSING");
        assertThat(line.get("channel").asText()).isEqualTo("EMAIL");
    }

    @Test
    void aMessageNotYetDueForACheckIsLeftAlone() {
        String notificationId = aSentReminder();
        checking.checkDue();
        assertThat(database.column("SELECT status || ' ' || delivery_checks FROM notification WHERE id = ?::uuid",
                notificationId)).containsExactly("SENT 0");
    }
}
