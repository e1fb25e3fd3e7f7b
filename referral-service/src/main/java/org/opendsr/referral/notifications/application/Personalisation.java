package org.opendsr.referral.notifications.application;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.opendsr.contracts.referral.DeclineReason;
import org.opendsr.referral.notifications.domain.Addressee;
import org.opendsr.referral.notifications.domain.DeclineReasonInPlainWords;
import org.opendsr.referral.notifications.domain.ReferralStatusInPlainWords;
import org.opendsr.referral.notifications.domain.Signposting;
import org.opendsr.referral.notifications.domain.Channel;
import org.opendsr.referral.notifications.domain.MessageKind;
import org.opendsr.referral.notifications.domain.PersonToNotify;
import org.opendsr.referral.notifications.domain.RecipientRole;

/**
 * The personalisation fields of each template (listed in the README, "Notifications"), filled at send time from the
 * message's facts and the record. Dates are written as people read them ("2 December 2026").
 */
public final class Personalisation {

    private static final DateTimeFormatter READABLE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private Personalisation() {
    }

    public static Map<String, String> of(MessageKind message, Map<String, String> facts, Addressee to,
                                         PersonToNotify person, Signposting signposting) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("name", orEmpty(to.name()));
        fields.put("person_name", !to.role().isThePersonsSide()
                ? orEmpty(person.givenName()) + " " + orEmpty(person.familyName())
                : orEmpty(person.givenName()));
        switch (message) {
            case CONSENT_REMINDER -> {
                fields.put("renewal_due_on", readable(facts.get("renewalDueOn")));
                fields.put("overdue", "RENEWAL_OVERDUE".equals(facts.get("subject")) ? "yes" : "no");
                fields.put("grace_ends_on", readable(facts.get("graceEndsOn")));
                fields.put("reminder_number", orEmpty(facts.get("reminderNumber")));
            }
            case REFERRAL_RECEIVED -> {
                fields.put("received_on", readable(facts.get("receivedOn")));
                fields.put("first_contact_by", readable(facts.get("firstContactDueOn")));
                fields.put("signposting", signposting.forThePersonsSide());
            }
            case REFERRAL_OUTCOME -> outcome(fields, facts, to, signposting);
            case REFERRAL_STATUS -> {
                fields.put("status", ReferralStatusInPlainWords.of(facts.get("status")));
                fields.put("received_on", readable(facts.get("receivedOn")));
                fields.put("first_contact_by", readable(facts.get("firstContactDueOn")));
                fields.put("signposting", signposting.forThePersonsSide());
            }
            case MEETING_FEEDBACK_DUE -> {
                fields.put("feedback_due_on", readable(facts.get("feedbackDueOn")));
                if (to.role().isThePersonsSide()) {
                    fields.put("signposting", signposting.forThePersonsSide());
                }
            }
            case MEETING_BY_EXCEPTION_INVITATION -> {
                Instant startsAt = Instant.parse(facts.get("startsAt"));
                fields.put("meeting_day", MeetingInWords.day(startsAt));
                fields.put("start_time", MeetingInWords.time(startsAt));
                fields.put("end_time", MeetingInWords.time(Instant.parse(facts.get("endsAt"))));
                fields.put("time_changed", orEmpty(facts.get("timeChanged")));
            }
            case MEETING_BY_EXCEPTION_CANCELLED -> {
                Instant startsAt = Instant.parse(facts.get("startsAt"));
                fields.put("meeting_day", MeetingInWords.day(startsAt));
                fields.put("start_time", MeetingInWords.time(startsAt));
            }
            case MEETING_OUTCOME_UPDATE -> {
                fields.put("meeting_day", MeetingInWords.day(LocalDate.parse(facts.get("heldOn"))));
                fields.put("meeting_kind", MeetingInWords.kind(facts.get("meetingKind")));
                fields.put("actions_agreed", orEmpty(facts.get("actionsAgreed")));
                fields.put("services_recommended", orEmpty(facts.get("servicesRecommended")));
                fields.put("who_to_ask", MeetingInWords.whoToAsk(person));
            }
        }
        if (to.channel() == Channel.LETTER) {
            // Notify's letters: address_line_1 to _7, at least three, the last the postcode.
            List<String> lines = new java.util.ArrayList<>();
            lines.add((orEmpty(person.givenName()) + " " + orEmpty(person.familyName())).trim());
            lines.addAll(to.postalAddress());
            for (int i = 0; i < Math.min(lines.size(), 7); i++) {
                fields.put("address_line_" + (i + 1), lines.get(i));
            }
        }
        return fields;
    }

    /**
     * Accepted, or not accepted with the reason in plain words and where to go instead (the area's text for the
     * reason, and to the person's side the crisis line).
     */
    private static void outcome(Map<String, String> fields, Map<String, String> facts, Addressee to,
                                Signposting signposting) {
        boolean accepted = "ACCEPTED".equals(facts.get("outcome"));
        fields.put("accepted", accepted ? "yes" : "no");
        fields.put("outcome", accepted ? "accepted" : "not accepted");
        fields.put("decided_on", readable(facts.get("decidedOn")));
        String reason = facts.get("declineReason");
        DeclineReason declined = accepted || reason == null ? null : DeclineReason.valueOf(reason);
        fields.put("reason", declined == null ? "" : DeclineReasonInPlainWords.of(declined));
        String toldWhere;
        if (declined != null) {
            toldWhere = signposting.forDecline(declined, facts.get("locality"), to.role().isThePersonsSide());
        } else {
            toldWhere = to.role().isThePersonsSide() ? signposting.forThePersonsSide() : "";
        }
        fields.put("signposting", toldWhere);
    }

    private static String readable(String isoDate) {
        return isoDate == null ? "" : LocalDate.parse(isoDate).format(READABLE);
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }
}
