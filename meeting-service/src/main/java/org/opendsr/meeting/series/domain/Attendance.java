package org.opendsr.meeting.series.domain;

import java.util.Locale;
import java.util.Set;

import org.opendsr.contracts.meeting.MeetingKind;
import org.opendsr.kit.rules.OneLineText;
import org.opendsr.kit.rules.RuleBroken;

/**
 * Who attended a meeting, by agency and role, never by name. Tracking meetings are professionals only (DOMAIN.md
 * "Meetings"): a person, family member or carer is refused there. At a Meeting by Exception the person and their
 * family are invited (through the invitation event, resolved to contact details only in referral-service) and may be
 * recorded as attending, as PERSON or FAMILY_MEMBER alone: no agency, no user, so never named.
 *
 * @param agency  the professional's agency or service, e.g. "Wiltshire Council children's services"
 * @param role    the professional's role, e.g. "Social worker"; or PERSON / FAMILY_MEMBER at a Meeting by Exception
 * @param subject the professional's user id (the token's subject) when they use the DSR, else null
 */
public record Attendance(String agency, String role, String subject) {

    public static final String PERSON = "PERSON";
    public static final String FAMILY_MEMBER = "FAMILY_MEMBER";
    static final int MAX_LENGTH = 100;
    /** Roles that are not a professional's, whatever the spelling: these are the person or their family. */
    private static final Set<String> NOT_PROFESSIONAL = Set.of(PERSON, FAMILY_MEMBER, "FAMILY", "CARER", "PARENT",
            "PARENT_CARER", "UNPAID_CARER", "GUARDIAN", "RELATIVE", "SELF", "SERVICE_USER", "PATIENT", "CLIENT");

    public static Attendance at(MeetingKind kind, String agency, String role, String subject) {
        if (role == null || role.isBlank()) {
            throw RuleBroken.invalid("role", "is required");
        }
        String code = role.strip().toUpperCase(Locale.ROOT).replaceAll("[\\s-]+", "_");
        if (NOT_PROFESSIONAL.contains(code)) {
            if (kind == MeetingKind.TRACKING) {
                throw RuleBroken.invalid("role", "tracking meetings are professionals only: the person, their family "
                        + "and carers attend a Meeting by Exception instead");
            }
            if (!code.equals(PERSON) && !code.equals(FAMILY_MEMBER)) {
                throw RuleBroken.invalid("role", "the person and their family are recorded as PERSON or FAMILY_MEMBER");
            }
            if (agency != null) {
                throw RuleBroken.invalid("agency", "is not recorded for the person or their family");
            }
            if (subject != null) {
                throw RuleBroken.invalid("subject", "is not recorded for the person or their family: they are "
                        + "never named");
            }
            return new Attendance(null, code, null);
        }
        OneLineText.problemWith(agency, MAX_LENGTH, "an agency or service").ifPresent(problem -> {
            throw RuleBroken.invalid("agency", problem);
        });
        OneLineText.problemWith(role, MAX_LENGTH, "a role").ifPresent(problem -> {
            throw RuleBroken.invalid("role", problem);
        });
        if (subject != null && (subject.isBlank() || subject.length() > 200 || !subject.strip().equals(subject))) {
            throw RuleBroken.invalid("subject", "must be a user id of up to 200 characters, without spaces around it");
        }
        return new Attendance(agency.strip(), role.strip(), subject);
    }

    public boolean isProfessional() {
        return agency != null;
    }
}
