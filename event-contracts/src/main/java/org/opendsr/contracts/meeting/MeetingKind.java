package org.opendsr.contracts.meeting;

import io.micronaut.serde.annotation.Serdeable;

/**
 * The meetings of the DSR: the area's fortnightly tracking meeting (professionals only, about many people) and a
 * Meeting by Exception (about one person, chaired by a DSR lead, the person and their family invited).
 */
@Serdeable
public enum MeetingKind {
    TRACKING, EXCEPTION
}
