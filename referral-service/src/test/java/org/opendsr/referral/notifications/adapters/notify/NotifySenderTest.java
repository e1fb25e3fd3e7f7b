package org.opendsr.referral.notifications.adapters.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opendsr.referral.notifications.application.MessageSender.DeliveryReport;
import org.opendsr.referral.notifications.application.MessageSender.SendResult;
import org.opendsr.referral.notifications.application.OutgoingMessage;
import org.opendsr.referral.notifications.domain.AccessibleFormat;
import org.opendsr.referral.notifications.domain.Addressee;
import org.opendsr.referral.notifications.domain.Channel;
import org.opendsr.referral.notifications.domain.RecipientRole;

/**
 * The Notify sender through GOV.UK Notify's real Java client, against a stand-in for Notify's API on a local port: what
 * it sends (template id, address, personalisation, our reference) and how it reads Notify's answers and receipts.
 */
class NotifySenderTest {

    private static final Instant NOW = Instant.parse("2026-11-02T10:00:00Z");
    private static final String TEMPLATE_ID = "f33517ff-2a88-4f6e-b855-c550268ce08a";
    private static final ObjectMapper JSON = new ObjectMapper();

    private HttpServer notify;
    private final List<JsonNode> received = new CopyOnWriteArrayList<>();
    private final List<String> authorisations = new CopyOnWriteArrayList<>();
    private final List<String> asked = new CopyOnWriteArrayList<>();
    private volatile int status = 201;
    private volatile String body;
    private NotifySender sender;

    @BeforeEach
    void startTheStandIn() throws IOException {
        notify = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        notify.createContext("/v2/notifications", this::answer);
        notify.start();
        NotifySettings settings = new NotifySettings();
        settings.setApiKey("dsr_test-" + UUID.randomUUID() + "-" + UUID.randomUUID());
        settings.setBaseUrl("http://127.0.0.1:" + notify.getAddress().getPort());
        settings.setTemplates(Map.of("consent-reminder-person-email", TEMPLATE_ID));
        sender = new NotifySender(settings, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void stop() {
        notify.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        authorisations.add(exchange.getRequestHeaders().getFirst("Authorization"));
        if ("GET".equals(exchange.getRequestMethod())) {
            asked.add(exchange.getRequestURI().toString());
        }
        if ("POST".equals(exchange.getRequestMethod())) {
            JsonNode request = JSON.readTree(exchange.getRequestBody());
            ((com.fasterxml.jackson.databind.node.ObjectNode) request).put("_path", exchange.getRequestURI().getPath());
            received.add(request);
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static OutgoingMessage anEmail(UUID notificationId, String template) {
        return new OutgoingMessage(notificationId, UUID.randomUUID(), new Addressee(RecipientRole.PERSON,
                "Hester Quince", Channel.EMAIL, "hester.quince@example.org", List.of(), AccessibleFormat.STANDARD,
                null), template, Map.of("name", "Hester Quince", "renewal_due_on", "2 December 2026"));
    }

    @Test
    void anEmailGoesWithTheTemplateTheAddressThePersonalisationAndOurReference() {
        UUID notifyId = UUID.randomUUID();
        UUID notificationId = UUID.randomUUID();
        body = """
                {"id": "%s", "reference": "%s", "uri": "https://example/v2/notifications/%s",
                 "content": {"body": "Dear Hester", "from_email": "dsr@notifications.service.gov.uk",
                             "subject": "Consent"},
                 "template": {"id": "%s", "version": 1, "uri": "https://example/templates/%s"}}
                """.formatted(notifyId, notificationId, notifyId, TEMPLATE_ID, TEMPLATE_ID);

        SendResult result = sender.send(anEmail(notificationId, "consent-reminder-person-email"));

        assertThat(result).isEqualTo(new SendResult.Sent(notifyId.toString()));
        JsonNode request = received.get(0);
        assertThat(request.get("_path").asText()).isEqualTo("/v2/notifications/email");
        assertThat(request.get("template_id").asText()).isEqualTo(TEMPLATE_ID);
        assertThat(request.get("email_address").asText()).isEqualTo("hester.quince@example.org");
        assertThat(request.get("reference").asText()).isEqualTo(notificationId.toString());
        assertThat(request.at("/personalisation/renewal_due_on").asText()).isEqualTo("2 December 2026");
        assertThat(authorisations.get(0)).startsWith("Bearer ");
    }

    @Test
    void aRetryAfterNotifyTookTheMessageIsNotSentTwice() {
        UUID notifyId = UUID.randomUUID();
        UUID notificationId = UUID.randomUUID();
        status = 200;
        body = """
                {"notifications": [{"id": "%s", "reference": "%s", "type": "email", "status": "sending",
                  "body": "Dear Hester", "subject": "Consent", "created_at": "2026-11-02T09:00:00.000000Z",
                  "sent_at": null, "completed_at": null, "estimated_delivery": null, "created_by_name": null,
                  "template": {"id": "%s", "version": 1, "uri": "https://example/templates/%s"}}],
                 "links": {"current": "https://example/v2/notifications", "next": null}}
                """.formatted(notifyId, notificationId, TEMPLATE_ID, TEMPLATE_ID);
        OutgoingMessage first = anEmail(notificationId, "consent-reminder-person-email");
        OutgoingMessage again = new OutgoingMessage(first.notificationId(), first.personId(), first.addressee(),
                first.template(), first.personalisation(), 2);

        assertThat(sender.send(again)).isEqualTo(new SendResult.Sent(notifyId.toString()));
        assertThat(received).as("nothing posted: Notify already had it").isEmpty();
        assertThat(asked).containsExactly("/v2/notifications?reference=" + notificationId);
    }

    @Test
    void aTemplateWithNoIdIsNeverSentInAnotherForm() {
        body = "{}";
        assertThat(sender.send(anEmail(UUID.randomUUID(), "consent-reminder-person-email-easy-read")))
                .isEqualTo(new SendResult.PermanentFailure(
                        "TEMPLATE_NOT_CONFIGURED: consent-reminder-person-email-easy-read"));
        assertThat(received).isEmpty();
    }

    @Test
    void notifyDownIsTriedAgainAndARefusalIsNot() {
        body = "{\"status_code\": 503, \"errors\": [{\"error\": \"Exception\", \"message\": \"Internal\"}]}";
        status = 503;
        assertThat(sender.send(anEmail(UUID.randomUUID(), "consent-reminder-person-email")))
                .isEqualTo(new SendResult.TransientFailure("NOTIFY_HTTP_503"));
        body = "{\"status_code\": 400, \"errors\": [{\"error\": \"BadRequestError\", \"message\": \"Not a valid"
                + " email address hester.quince@example\"}]}";
        status = 400;
        SendResult refused = sender.send(anEmail(UUID.randomUUID(), "consent-reminder-person-email"));
        // Only the status code is kept: Notify's message quotes the address it refused.
        assertThat(refused).isEqualTo(new SendResult.PermanentFailure("NOTIFY_HTTP_400"));
    }

    private void notifySays(String type, String notifyStatus, String completedAt) {
        status = 200;
        body = """
                {"id": "%s", "reference": null, "type": "%s", "status": "%s", "body": "Dear Hester",
                 "subject": null, "created_at": "2026-11-02T09:00:00.000000Z", "sent_at": null,
                 "completed_at": %s, "estimated_delivery": null, "created_by_name": null,
                 "template": {"id": "%s", "version": 1, "uri": "https://example/templates/%s"}}
                """.formatted(UUID.randomUUID(), type, notifyStatus,
                completedAt == null ? "null" : "\"" + completedAt + "\"", TEMPLATE_ID, TEMPLATE_ID);
    }

    @Test
    void deliveredIsAReceipt() {
        notifySays("email", "delivered", "2026-11-02T09:00:05.000000Z");
        assertThat(sender.deliveryOf(UUID.randomUUID().toString()))
                .isEqualTo(new DeliveryReport.Delivered(Instant.parse("2026-11-02T09:00:05Z")));
    }

    @Test
    void aPostedLetterIsAsDeliveredAsALetterCanBe() {
        notifySays("letter", "received", null);
        assertThat(sender.deliveryOf(UUID.randomUUID().toString())).isEqualTo(new DeliveryReport.Delivered(NOW));
    }

    @Test
    void aFailureIsFinal() {
        notifySays("sms", "temporary-failure", "2026-11-05T09:00:00.000000Z");
        assertThat(sender.deliveryOf(UUID.randomUUID().toString()))
                .isEqualTo(new DeliveryReport.Undelivered("NOTIFY_TEMPORARY_FAILURE"));
        notifySays("email", "permanent-failure", "2026-11-02T09:00:05.000000Z");
        assertThat(sender.deliveryOf(UUID.randomUUID().toString()))
                .isEqualTo(new DeliveryReport.Undelivered("NOTIFY_PERMANENT_FAILURE"));
    }

    @Test
    void onItsWayOrUnknownIsAskedAgain() {
        notifySays("email", "sending", null);
        assertThat(sender.deliveryOf(UUID.randomUUID().toString()))
                .isEqualTo(new DeliveryReport.NotYetKnown("sending"));
        notifySays("letter", "a-status-notify-adds-one-day", null);
        assertThat(sender.deliveryOf(UUID.randomUUID().toString()))
                .isEqualTo(new DeliveryReport.NotYetKnown("a-status-notify-adds-one-day"));
        status = 404;
        body = "{\"status_code\": 404, \"errors\": [{\"error\": \"NoResultFound\", \"message\": \"No result found\"}]}";
        assertThat(sender.deliveryOf(UUID.randomUUID().toString()))
                .isEqualTo(new DeliveryReport.NotYetKnown("NOTIFY_HTTP_404"));
    }
}
