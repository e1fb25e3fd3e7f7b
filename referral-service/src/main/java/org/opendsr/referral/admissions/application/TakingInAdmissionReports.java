package org.opendsr.referral.admissions.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import jakarta.inject.Singleton;
import org.opendsr.contracts.EventTypes;
import org.opendsr.contracts.referral.AdmittedNotOnRegister;
import org.opendsr.kit.ports.EventOutbox;
import org.opendsr.referral.access.application.RecordAccess;
import org.opendsr.referral.access.domain.AccessPurpose;
import org.opendsr.referral.admissions.domain.AdmissionReport;
import org.opendsr.referral.audit.application.Actor;
import org.opendsr.referral.audit.application.AuditAction;
import org.opendsr.referral.person.domain.AgeAtDate;
import org.opendsr.referral.person.domain.Person;
import org.opendsr.referral.register.domain.RegisterEntries;
import org.opendsr.referral.shared.application.AgencySystem;
import org.opendsr.referral.shared.application.ReferralSettings;

/**
 * An agency's admission report that the DSR cannot pass on as an admission of someone it follows for that agency
 * (issue 14): nobody holds that NHS number and date of birth, or the person is known but this agency neither referred
 * them nor provides their care. It used to be dead-lettered, and the admission was lost to the DSR and to reporting.
 * Now it waits on the DSR team's worklist ("admission reported, not on the register") with what the agency sent, and,
 * when the person has no open register entry, the anonymous {@code dsr.register.admitted-not-on-register.v1} tells
 * reporting that someone the register did not know was admitted (age band and life stage at admission, locality):
 * no personId, NHS number or date of birth leaves referral-service.
 *
 * <p>The agency learns nothing either way: "nobody" and "not yours" are handled alike and neither is refused, exactly
 * as a linked person's admission is not (issue 11: the agency topics are no oracle of who is on the register). A
 * known person who is not this agency's is not told the agency's word as fact (no {@code admission-reported}
 * event, which moves them to BLUE): the DSR team checks it first. The same admission reported again (same agency,
 * NHS number, date of birth, day) is one report and one signal.
 *
 * <p>Runs in the transaction of {@code ApplyingAgencyUpdates.admissionReported}, which matched the person.
 */
@Singleton
public class TakingInAdmissionReports {

    private final AdmissionReports reports;
    private final RegisterEntries registerEntries;
    private final EventOutbox outbox;
    private final RecordAccess access;
    private final ReferralSettings settings;

    public TakingInAdmissionReports(AdmissionReports reports, RegisterEntries registerEntries, EventOutbox outbox,
                                    RecordAccess access, ReferralSettings settings) {
        this.reports = reports;
        this.registerEntries = registerEntries;
        this.outbox = outbox;
        this.access = access;
        this.settings = settings;
    }

    /**
     * Keeps the report for the DSR team.
     *
     * @param nhsNumberDigits the reported NHS number, checked
     * @param known           the person the DSR holds with that NHS number and date of birth, whom this agency is
     *                        not linked to; empty for nobody
     */
    public void keep(String nhsNumberDigits, LocalDate dateOfBirth, LocalDate admittedOn, String hospital,
                     AgencySystem agency, Optional<Person> known, Instant now) {
        boolean onRegister = known.map(person -> registerEntries.openEntryOf(person.id()).isPresent()).orElse(false);
        // Known: where they live (their care team's area decides who sees the report). Unknown: the agency's area.
        String area = known.isPresent() ? null : settings.areaOfAgency(agency.id()).orElse(null);
        AdmissionReport report = AdmissionReport.received(UUID.randomUUID(), nhsNumberDigits, dateOfBirth,
                admittedOn, hospital, agency.source(), now, known.map(Person::id).orElse(null), onRegister, area);
        if (!reports.addOnce(report)) {
            return;
        }
        if (!onRegister) {
            AgeAtDate age = AgeAtDate.of(dateOfBirth, admittedOn);
            String locality = known.map(Person::locality).orElse(area);
            outbox.append("admission-report", report.id(), EventTypes.REGISTER_ADMITTED_NOT_ON_REGISTER_V1,
                    new AdmittedNotOnRegister(report.id(), admittedOn, locality, age.band(), age.lifeStage(),
                            agency.source()));
        }
        // On the known person's trail (an agency's report matched them); for nobody, on the agency's own trail.
        access.audit(report.personId(), Actor.agencySystem(agency.source()), AuditAction.CREATED,
                "admission report " + report.id() + " kept for the DSR team (admission reported, not on the register)",
                AccessPurpose.AGENCY_UPDATE, now);
    }
}
