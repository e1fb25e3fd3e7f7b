package org.opendsr.meeting.series.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opendsr.contracts.meeting.MeetingKind;
import org.opendsr.kit.rules.RuleBroken;

/**
 * Attendees are recorded by agency and role, never by name. Tracking meetings are professionals only; at a Meeting by
 * Exception the person and their family may be recorded as attending, as PERSON or FAMILY_MEMBER and nothing more.
 */
class AttendanceTest {

    @Test
    void aProfessionalIsRecordedByAgencyAndRole() {
        Attendance attendance = Attendance.at(MeetingKind.TRACKING, " Swindon Borough Council ", "Social worker",
                "prof-7");

        assertThat(attendance).isEqualTo(new Attendance("Swindon Borough Council", "Social worker", "prof-7"));
        assertThat(attendance.isProfessional()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"PERSON", "family member", "Family", "carer", "Parent-carer"})
    void thePersonTheirFamilyAndCarersAreRefusedAtATrackingMeeting(String role) {
        assertRefused(() -> Attendance.at(MeetingKind.TRACKING, null, role, null), "role");
    }

    @Test
    void thePersonAndFamilyAttendAMeetingByExceptionUnnamed() {
        assertThat(Attendance.at(MeetingKind.EXCEPTION, null, "person", null))
                .isEqualTo(new Attendance(null, Attendance.PERSON, null));
        assertThat(Attendance.at(MeetingKind.EXCEPTION, null, "Family member", null).role())
                .isEqualTo(Attendance.FAMILY_MEMBER);
        assertRefused(() -> Attendance.at(MeetingKind.EXCEPTION, null, "PERSON", "user-1"), "subject");
        assertRefused(() -> Attendance.at(MeetingKind.EXCEPTION, "Home", "FAMILY_MEMBER", null), "agency");
        assertRefused(() -> Attendance.at(MeetingKind.EXCEPTION, null, "CARER", null), "role");
    }

    @Test
    void aProfessionalNeedsAnAgencyAndOneLineWithoutContactDetails() {
        assertRefused(() -> Attendance.at(MeetingKind.TRACKING, null, "Social worker", null), "agency");
        assertRefused(() -> Attendance.at(MeetingKind.TRACKING, "Council", null, null), "role");
        assertRefused(() -> Attendance.at(MeetingKind.TRACKING, "jo.bloggs@example.org", "Nurse", null), "agency");
        assertRefused(() -> Attendance.at(MeetingKind.TRACKING, "Council", "Nurse 07700 900123", null), "role");
        assertRefused(() -> Attendance.at(MeetingKind.TRACKING, "Council", "Nurse\nand more", null), "role");
        assertRefused(() -> Attendance.at(MeetingKind.TRACKING, "Council", "Nurse", " padded "), "subject");
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String field) {
        assertThatThrownBy(call).isInstanceOfSatisfying(RuleBroken.class,
                refused -> assertThat(refused.field()).isEqualTo(field));
    }
}
