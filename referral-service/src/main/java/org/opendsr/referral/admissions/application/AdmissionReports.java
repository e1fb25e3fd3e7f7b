package org.opendsr.referral.admissions.application;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.opendsr.kit.access.PersonScope;
import org.opendsr.referral.admissions.domain.AdmissionReport;
import org.opendsr.referral.shared.application.KeysetPage;
import org.opendsr.referral.shared.application.PageRequest;

/** Admission reports the DSR team resolves ("admission reported, not on the register"), kept whole. */
public interface AdmissionReports {

    /**
     * Adds the report unless the same agency already reported the same admission (NHS number, date of birth, day
     * of admission), under whatever event id: false then, and nothing is written.
     */
    boolean addOnce(AdmissionReport report);

    Optional<AdmissionReport> byId(UUID reportId);

    /** The report, locked for a change until the transaction ends. */
    Optional<AdmissionReport> lockedById(UUID reportId);

    /** Saves the report's resolution (and the person a referral linked it to). */
    void save(AdmissionReport report);

    /**
     * Who may see which reports: a report about a known person as that person ({@code people}, the kit's need to
     * know); one about nobody known by its area: everyone's when {@code everyArea} (a lead), else the given areas'
     * and those with no area or out of area.
     */
    record Scope(PersonScope people, boolean everyArea, List<String> areas) {
        public Scope {
            areas = List.copyOf(areas);
        }
    }

    /** Open reports the scope reaches, oldest first (keyset paging). */
    KeysetPage<AdmissionReport> open(Scope scope, PageRequest page);
}
