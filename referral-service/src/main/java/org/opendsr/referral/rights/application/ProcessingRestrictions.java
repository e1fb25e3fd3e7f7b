package org.opendsr.referral.rights.application;

import java.util.UUID;

import org.opendsr.referral.rights.domain.ProcessingRestriction;

/** Each person's restriction of processing: no row is never restricted. */
public interface ProcessingRestrictions {

    /** The person's restriction, or {@link ProcessingRestriction#none} when there never was one. */
    ProcessingRestriction of(UUID personId);

    void save(ProcessingRestriction restriction);
}
